import type { ContainerModuleLoadOptions } from 'inversify';
import { LeaseStore } from '../leases/lease-store';
import { PluginStateStore } from '../plugin-host/plugin-state-store';
import { Database, DatabaseSettings } from './database';
import { SequelizeLeaseStore } from './stores/sequelize-lease-store';
import { SequelizePluginStateStore } from './stores/sequelize-plugin-state-store';

export function bindPersistence(bind: ContainerModuleLoadOptions['bind']): void {
  bind(Database)
    .toDynamicValue((ctx) => new Database(ctx.get<DatabaseSettings>(DatabaseSettings)))
    .inSingletonScope();
  bind(SequelizePluginStateStore).toSelf().inSingletonScope();
  bind(PluginStateStore).toService(SequelizePluginStateStore);
  bind(SequelizeLeaseStore).toSelf().inSingletonScope();
  bind(LeaseStore).toService(SequelizeLeaseStore);
}
