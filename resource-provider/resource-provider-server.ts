import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Container } from 'inversify';
import { Logger } from '../core/logging/logger';
import { Database } from '../core/persistence/database';
import { migrateToLatest } from '../core/persistence/migrator';
import { PluginRegistry } from '../core/plugin-host/plugin-registry';
import type { ResourceProviderSettings } from './config/settings';
import { createContainer, type CompositionOverrides } from './composition-root';
import { createApp } from './create-app';
import { CollectorScheduler } from './collector/collector-scheduler';
import { InvoiceScheduler } from './invoicing/invoice-scheduler';

export interface RunningServer {
  readonly url: string;
  readonly container: Container;
  close(): Promise<void>;
}

/** Migrates the database, loads the plugins, and listens (`port: 0` picks a free port, for tests). */
export async function startServer(settings: ResourceProviderSettings, overrides: CompositionOverrides = {}): Promise<RunningServer> {
  const container = createContainer(settings, overrides);
  const database = container.get(Database);
  const logger = container.get<Logger>(Logger);
  if (!settings.wapTls.rejectUnauthorized) {
    logger.warn({ setting: 'WAP_TLS_INSECURE' }, "WAP's TLS certificates are NOT verified: anyone on the path can read and alter what WAP and this server exchange");
  }
  const applied = await migrateToLatest(database);
  if (applied.length > 0) logger.info({ applied }, 'database migrated');
  await container.get(PluginRegistry).rescan();
  const server = await listen(createApp(container), settings.port);
  const collector = container.get(CollectorScheduler);
  if (settings.wapUsage && settings.collector.intervalSeconds > 0) collector.start();
  const invoices = container.get(InvoiceScheduler);
  if ((settings.invoiceRunIntervalMinutes ?? 0) > 0) invoices.start();
  const { port } = server.address() as AddressInfo;
  logger.info({ port, database: database.dialect }, 'resource provider listening');
  return {
    url: `http://127.0.0.1:${port}`,
    container,
    async close() {
      await Promise.all([collector.stop(), invoices.stop()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

function listen(app: import('express').Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '0.0.0.0', () => resolve(server));
    server.once('error', reject);
  });
}
