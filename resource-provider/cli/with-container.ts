import type { Container } from 'inversify';
import { Database } from '../../core/persistence/database';
import { migrateToLatest } from '../../core/persistence/migrator';
import { PluginRegistry } from '../../core/plugin-host/plugin-registry';
import { loadSettings } from '../config/load-settings';
import { ConfigurationError } from '../config/settings';
import { createContainer } from '../composition-root';

/**
 * Runs a CLI action against the configured database, migrated, with the plugins loaded as the
 * server loads them (without its meters, `collect` would quarantine every record as unclaimed),
 * and closes the database afterwards.
 */
export async function withMigratedContainer(action: (container: Container) => Promise<void>): Promise<void> {
  let settings;
  try {
    settings = { ...loadSettings(), logLevel: 'warn' as const };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const container = createContainer(settings);
  const database = container.get(Database);
  try {
    await migrateToLatest(database);
    await container.get(PluginRegistry).rescan();
    await action(container);
  } finally {
    await database.close();
  }
}
