import { Container, ContainerModule } from 'inversify';
import { QueryTypes } from 'sequelize';
import type { MeterPlugin } from '../../../core/plugin-api';
import { Database, DatabaseSettings } from '../../../core/persistence/database';
import { bindPersistence } from '../../../core/persistence/bind-persistence';
import { migrateToLatest } from '../../../core/persistence/migrator';
import { SequelizeUsageRollups } from '../../../core/persistence/stores/sequelize-usage-rollups';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import { Clock, ManualClock } from '../../../core/time/clock';
import { createDeclarativeMeterPlugin } from '../../../core/usage/metering/declarative-meter-plugin';
import type { RawUsageRecord } from '../../../core/usage/store/raw-usage-record';
import { parseMetered } from '../../../core/usage/store/metered-column';
import { ReprocessQuarantine } from '../../../core/usage/store/reprocess-quarantine';
import { UsageQuery } from '../../../core/usage/store/usage-query';
import { UsageStore } from '../../../core/usage/store/usage-store';
import { freshDatabaseUrl } from '../../support/test-database';
import { activateMeterPlugin } from '../../plugins/meters/plugin-harness';

export const SUBSCRIPTION = 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10';

/** The usage store wired as the server wires it (bindPersistence), on a fresh database of TEST_DB. */
export interface UsageWorld {
  readonly url: string;
  readonly database: Database;
  readonly clock: ManualClock;
  readonly meters: MeterRegistry;
  readonly store: UsageStore;
  readonly reprocess: ReprocessQuarantine;
  readonly query: UsageQuery;
  readonly rollups: SequelizeUsageRollups;
  count(table: string, where?: string): Promise<number>;
  /** Every quantity the records metered, as kept in their `metered` column, optionally of one meter. */
  metered(meterId?: string): Promise<MeteredRow[]>;
  close(): Promise<void>;
}

/** `url`: another world's database, for a second instance on it; a fresh one by default. */
export async function startUsageWorld(plugins: readonly MeterPlugin[], url?: string): Promise<UsageWorld> {
  const container = new Container();
  const clock = new ManualClock('2025-04-02T00:00:00Z');
  const settings = { url: url ?? (await freshDatabaseUrl()) };
  container.bind(DatabaseSettings).toConstantValue(settings);
  container.bind(Clock).toConstantValue(clock);
  container.bind(MeterRegistry).toSelf().inSingletonScope();
  await container.load(new ContainerModule(({ bind }) => bindPersistence(bind)));
  const database = container.get(Database);
  await migrateToLatest(database);
  const meters = container.get(MeterRegistry);
  plugins.forEach((p) => meters.add(p));
  return {
    url: settings.url,
    database,
    clock,
    meters,
    store: container.get<UsageStore>(UsageStore),
    reprocess: container.get<ReprocessQuarantine>(ReprocessQuarantine),
    query: container.get<UsageQuery>(UsageQuery),
    rollups: container.get(SequelizeUsageRollups),
    async count(table, where = '1 = 1') {
      const [row] = await database.sequelize.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, { type: QueryTypes.SELECT });
      return Number(row.n);
    },
    async metered(meterId) {
      const rows = await database.sequelize.query<{ event_id: string | number; start_time: Date | string; end_time: Date | string; resource_id: string | null; metered: string | null }>(
        'SELECT event_id, start_time, end_time, resource_id, metered FROM usage_records WHERE metered IS NOT NULL', { type: QueryTypes.SELECT },
      );
      return rows.flatMap((r) => parseMetered(r.metered, r.resource_id)
        .filter(([meter]) => meterId === undefined || meter === meterId)
        .map(([meter, resourceId, quantity]) => ({
          eventId: String(r.event_id), meterId: meter, resourceId, quantity, start: new Date(r.start_time), end: new Date(r.end_time),
        })));
    },
    close: () => database.close(),
  };
}

/** One metered quantity of a stored record. */
export interface MeteredRow {
  readonly eventId: string;
  readonly meterId: string;
  readonly resourceId: string | null;
  readonly quantity: string;
  readonly start: Date;
  readonly end: Date;
}

/** The built-in SQL Server / MySQL meters: `mysql.allotted-space` (time-weighted GB-hours), `mysql.databases` (max). */
export function sqlDatabases(): Promise<MeterPlugin> {
  return activateMeterPlugin('sql-databases');
}

/** A declarative meter of one provider's `Resources` key, the way an admin adds one. */
export function declarativeMeter(id: string, provider: string, resourceKey: string, extra: Record<string, string> = {}): MeterPlugin {
  const built = createDeclarativeMeterPlugin({
    id: `test-${id.replace(/\./g, '-')}`, displayName: id, version: '1.0.0',
    meters: [{ id, displayName: id, unit: 'unit', aggregation: 'sum', provider, resourceKey, ...extra }],
  });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.value;
}

/** A wire record of WAP's `/usage` feed; times without a zone, as WAP sends them. */
export function wire(eventId: number, overrides: Partial<RawUsageRecord> = {}): RawUsageRecord {
  return {
    EventId: eventId,
    ExternalRecordId: String(eventId),
    ResourceId: 'db-1',
    StartTime: '2025-03-10T10:00:00',
    EndTime: '2025-03-10T11:00:00',
    ProviderName: 'mysqlservers',
    ServiceType: 'Default',
    SubscriptionId: SUBSCRIPTION,
    Properties: null,
    Resources: { TotalAllottedSpace: '1024', DatabaseCount: '1' },
    ...overrides,
  };
}
