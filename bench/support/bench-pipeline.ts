import pino from 'pino';
import { Database } from '../../core/persistence/database';
import { migrateToLatest } from '../../core/persistence/migrator';
import { PluginRegistry } from '../../core/plugin-host/plugin-registry';
import { MeterRegistry } from '../../core/plugin-host/meter-registry';
import type { MeterPlugin } from '../../core/plugin-api';
import { CollectFeeds, type CollectionReport } from '../../resource-provider/collector/collect-feeds';
import { createContainer } from '../../resource-provider/composition-root';
import { emptyBenchDatabase, type BenchBackend } from './bench-databases';

export const USAGE_CREDENTIALS = { username: 'UsageClient', password: 'wap-emulator-usage-password' };

/** The emulator's generated usage the pipeline benchmarks pull: 5,000 records a day. */
export const BENCH_USAGE = { seed: 2025, tenants: 100, resourcesPerTenant: 4, start: '2025-01-01' } as const;

/** A resource provider's collector over an empty, migrated database, its built-in meters enabled. */
export interface BenchPipeline {
  readonly database: Database;
  readonly plugins: readonly MeterPlugin[];
  collect(): Promise<CollectionReport>;
}

export async function benchPipeline(backend: BenchBackend, usageServiceUrl: string, batchSize: number): Promise<BenchPipeline> {
  const databaseUrl = await emptyBenchDatabase(backend);
  const container = createContainer(
    {
      port: 0, databaseUrl, pluginsDirs: [], rpUsername: 'bench', rpPassword: 'bench', logLevel: 'silent',
      wapUsage: { url: usageServiceUrl, ...USAGE_CREDENTIALS }, wapTls: { rejectUnauthorized: true },
      collector: { intervalSeconds: 0, batchSize, retryDelayMs: 100 },
    },
    { logger: pino({ level: 'silent' }) },
  );
  const database = container.get(Database);
  await migrateToLatest(database);
  await container.get(PluginRegistry).rescan();
  return { database, plugins: container.get(MeterRegistry).active(), collect: () => container.get(CollectFeeds).collect() };
}
