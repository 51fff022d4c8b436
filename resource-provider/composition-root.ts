import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Container } from 'inversify';
import { AccountDefaults, BUILT_IN_ACCOUNT_DEFAULTS } from '../core/accounts/account-defaults';
import { coreModule } from '../core/core-module';
import { DEFAULT_INVOICING_SETTINGS, InvoicingSettings } from '../core/invoicing/invoicing-settings';
import { Logger } from '../core/logging/logger';
import { DatabaseSettings } from '../core/persistence/database';
import { PluginHostContainer } from '../core/plugin-host/plugin-activator';
import { PluginDirectories } from '../core/plugin-host/plugin-discovery';
import { Clock, SystemClock } from '../core/time/clock';
import { ResourceProviderSettings } from './config/settings';
import { createLogger } from './logging/create-logger';
import { resourceProviderModule } from './resource-provider-module';

/** The compiled built-in plugins (`dist/plugins`), beside this package's output. */
export const BUILT_IN_PLUGINS_DIR = path.join(__dirname, '..', 'plugins');
const APP_NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');

/** What tests (and embedders) may replace; everything else follows from the settings. */
export interface CompositionOverrides {
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly builtInPluginsDir?: string;
  readonly packageFolders?: readonly string[];
}

/** The one place that creates the root container. */
export function createContainer(settings: ResourceProviderSettings, overrides: CompositionOverrides = {}): Container {
  const container = new Container();
  container.bind(PluginHostContainer).toConstantValue(container);
  container.bind(ResourceProviderSettings).toConstantValue(settings);
  container.bind(DatabaseSettings).toConstantValue({ url: settings.databaseUrl });
  // Admin-defined meters go to the first PLUGINS_DIR, or to data/plugins beside the database file.
  const writableFolder = settings.pluginsDirs[0] ?? path.join(process.cwd(), 'data', 'plugins');
  container.bind(PluginDirectories).toConstantValue({
    folders: [overrides.builtInPluginsDir ?? BUILT_IN_PLUGINS_DIR, ...new Set([...settings.pluginsDirs, writableFolder])],
    writableFolder,
    packageFolders: overrides.packageFolders ?? [APP_NODE_MODULES],
  });
  container.bind(Logger).toConstantValue(overrides.logger ?? createLogger(settings.logLevel));
  container.bind(Clock).toConstantValue(overrides.clock ?? new SystemClock());
  container.bind(AccountDefaults).toConstantValue({ ...BUILT_IN_ACCOUNT_DEFAULTS, currency: settings.defaultCurrency ?? BUILT_IN_ACCOUNT_DEFAULTS.currency });
  container.bind(InvoicingSettings).toConstantValue({
    ...DEFAULT_INVOICING_SETTINGS,
    ...settings.invoicing,
    instanceId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
  container.load(coreModule, resourceProviderModule);
  return container;
}
