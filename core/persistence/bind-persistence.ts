import type { ContainerModuleLoadOptions } from 'inversify';
import { PluginStateStore } from '../plugin-host/plugin-state-store';
import { Database, DatabaseSettings } from './database';
import { SequelizePluginStateStore } from './stores/sequelize-plugin-state-store';

export function bindPersistence(bind: ContainerModuleLoadOptions['bind']): void {
  bind(Database)
    .toDynamicValue((ctx) => new Database(ctx.get<DatabaseSettings>(DatabaseSettings)))
    .inSingletonScope();
  bind(SequelizePluginStateStore).toSelf().inSingletonScope();
  bind(PluginStateStore).toService(SequelizePluginStateStore);
}
