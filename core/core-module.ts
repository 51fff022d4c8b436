import { ContainerModule } from 'inversify';
import { CheckHealth } from './health/check-health';
import { bindPersistence } from './persistence/bind-persistence';
import { bindPlugins } from './plugin-host/bind-plugins';
import { bindUsage } from './usage/bind-usage';

/**
 * The core's bindings. The composition root supplies what only it knows: `DatabaseSettings`,
 * `PluginDirectories`, `PluginHostContainer`, `Logger` and `Clock`.
 */
export const coreModule = new ContainerModule(({ bind }) => {
  bindPersistence(bind);
  bindPlugins(bind);
  bindUsage(bind);
  bind(CheckHealth).toSelf().inSingletonScope();
});
