import type { Database } from '../../core/persistence/database';
import type { MeterPlugin } from '../../core/plugin-api';
import { MeterUsageRecord } from '../../core/usage/metering/meter-usage-record';
import { meteredColumn } from '../../core/usage/store/metered-column';
import { regroupByMonth, regroupByMonthDays, regroupBySubscription, rollupChanges, type RollupChange } from '../../core/usage/store/rollup-changes';
import { toStoredPartial } from '../../core/usage/metering/aggregation/stored-partial';
import { asPartial, type RollupPartial } from '../../core/usage/store/exact-slot';
import { slotPartialsJson } from '../../core/persistence/stores/rollup-partials-json';
import { DAYS_OF_MONTH, HOURS_OF_DAY } from '../../core/usage/store/stored-slots';
import type { MeterRegistry } from '../../core/plugin-host/meter-registry';
import { toWapUsageRecord, type RawUsageRecord } from '../../core/usage/store/raw-usage-record';

export interface UsageShape {
  readonly subscriptions: number;
  readonly resourcesPerSubscription: number;
  readonly hours: number;
}

export const FIRST_HOUR = '2025-01-01T00:00:00Z';

export function subscriptionIdOf(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/**
 * Fills the usage store with one VM Clouds record per VM per hour, written by SQL inside the
 * database (generate_series / a recursive CTE) because pushing millions of records through the
 * pipeline would take the benchmark longer than its point. Every row has the shape the pipeline
 * writes: the record's payload and metered column, and rollup rows whose partials are what the
 * real metering and rollup code makes of such a record (computed once, repeated); and the feed's
 * marks, all rolled up.
 */
export async function populateUsage(database: Database, meters: MeterRegistry, shape: UsageShape): Promise<number> {
  const templates = rowTemplates(meters);
  const total = shape.subscriptions * shape.resourcesPerSubscription * shape.hours;
  const sql = database.dialect === 'postgres' ? postgresStatements(shape, templates) : sqliteStatements(shape, templates);
  for (const statement of sql) await database.sequelize.query(statement);
  // Every record is rolled up, as the collector leaves them after a pull.
  await database.sequelize.query(`INSERT INTO feed_watermarks (feed, next_start_id, rolled_up_to) VALUES ('usage', ${total + 1}, ${total + 1})`);
  return total;
}

interface Templates {
  payload: string;
  metered: string;
  /** A day of hours, each as one hourly record makes it. */
  hours: string;
  /** A subscription's day: its VMs' days combined, by the number of VMs. */
  subscriptionDaily(resources: number): string;
  /** A resource's month holding its first `days` days of usage, by `days`: as days (the days table) and as one partial (the monthly table). */
  monthDays(days: number): string;
  monthly(days: number): string;
}

function rowTemplates(meters: MeterRegistry): Templates {
  const record = (hour: number): RawUsageRecord => ({
    EventId: hour + 1, ExternalRecordId: String(hour + 1), ResourceId: 'vm-1',
    StartTime: `2025-01-01T${String(hour).padStart(2, '0')}:00:00`, EndTime: hour === 23 ? '2025-01-02T00:00:00' : `2025-01-01T${String(hour + 1).padStart(2, '0')}:00:00`,
    ProviderName: 'systemcenter', ServiceType: 'Default', SubscriptionId: subscriptionIdOf(1), Properties: null,
    Resources: { VmRuntimeHours: '1', CpuCount: '2', MemoryMB: '4096', DiskGB: '80' },
  });
  const meter = new MeterUsageRecord(meters.active() as MeterPlugin[]);
  const usage = Array.from({ length: 24 }, (_, hour) => {
    const outcome = meter.meter(toWap(record(hour)));
    if (!outcome.ok) throw new Error(`the VM meters refused the template record: ${outcome.message}`);
    return outcome.usage;
  });
  const aggregationOf = (id: string) => meters.meter(id)!.aggregation;
  const json = (partials: ReadonlyMap<string, RollupPartial>) =>
    JSON.stringify(Object.fromEntries([...partials].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, p]) => [id, toStoredPartial(asPartial(p))])));
  const partials = (changes: readonly RollupChange[]) => json(changes[0].partials);
  const day = rollupChanges(usage.flat(), aggregationOf, 'usage').day;
  // A later month's first days hold what January's do.
  const januaryDays = (days: number) => Array.from({ length: days }, (_, d) => ({ ...day[0], bucketStart: new Date(Date.UTC(2025, 0, 1 + d)) }));
  return {
    payload: JSON.stringify(record(0)),
    metered: meteredColumn(usage[0], 'vm-1'),
    hours: slotPartialsJson(HOURS_OF_DAY, rollupChanges(usage.flat(), aggregationOf, 'usage').hour[0].meters),
    subscriptionDaily: (resources) => {
      const vms = Array.from({ length: resources }, (_, r) => usage.flat().map((u) => ({ ...u, resourceId: `vm-${r}` }))).flat();
      return partials(regroupBySubscription(rollupChanges(vms, aggregationOf, 'usage').day));
    },
    monthDays: (days) => slotPartialsJson(DAYS_OF_MONTH, regroupByMonthDays(januaryDays(days))[0].meters),
    monthly: (days) => partials(regroupByMonth(januaryDays(days))),
  };
}

function toWap(record: RawUsageRecord) {
  return toWapUsageRecord(record, String(record.EventId));
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function postgresStatements({ subscriptions, resourcesPerSubscription: r, hours }: UsageShape, t: Templates): string[] {
  const sub = (index: string) => `'00000000-0000-4000-8000-' || lpad(to_hex(${index}), 12, '0')`;
  const records = subscriptions * r * hours;
  return [
    `INSERT INTO usage_records (feed, event_id, subscription_id, provider_name, payload, received_at, resource_id, start_time, end_time, metered)
     SELECT 'usage', g, ${sub(`((g - 1) / ${r * hours})::int`)}, 'systemcenter', ${quote(t.payload)}, now(),
            'vm-' || (((g - 1) / ${hours}) % ${r}), timestamptz '${FIRST_HOUR}' + ((g - 1) % ${hours}) * interval '1 hour',
            timestamptz '${FIRST_HOUR}' + ((g - 1) % ${hours} + 1) * interval '1 hour', ${quote(t.metered)}
     FROM generate_series(1, ${records}) g`,
    `INSERT INTO usage_rollups_hours (subscription_id, bucket_start, resource_id, partials, event_ids)
     SELECT ${sub(`((g - 1) / ${r * (hours / 24)})::int`)}, timestamptz '${FIRST_HOUR}' + ((g - 1) % ${hours / 24}) * interval '1 day', 'vm-' || (((g - 1) / ${hours / 24}) % ${r}), ${quote(t.hours)},
            (SELECT '{"usage":"' || string_agg((${firstRecordOfDay(hours)} + k)::text, ',' ORDER BY k) || '"}' FROM generate_series(0, 23) k)
     FROM generate_series(1, ${subscriptions * r * (hours / 24)}) g`,
    `INSERT INTO usage_rollups_subscription_daily (subscription_id, bucket_start, partials)
     SELECT ${sub(`((g - 1) / ${hours / 24})::int`)}, timestamptz '${FIRST_HOUR}' + ((g - 1) % ${hours / 24}) * interval '1 day', ${quote(t.subscriptionDaily(r))}
     FROM generate_series(1, ${subscriptions * (hours / 24)}) g`,
    ...monthRows(hours, t).map(({ table, start, partials }) =>
      `INSERT INTO ${table} (subscription_id, bucket_start, resource_id, partials)
       SELECT ${sub(`((g - 1) / ${r})::int`)}, timestamptz '${start}', 'vm-' || ((g - 1) % ${r}), ${quote(partials)}
       FROM generate_series(1, ${subscriptions * r}) g`),
    // What autovacuum would have done by the time tenants ask (visibility map, statistics), and
    // the bulk load's pages written out, so that queries are not measured against its aftermath.
    'VACUUM ANALYZE',
    'CHECKPOINT',
  ];
}

/**
 * The EventId of the first record behind the hours row numbered `g` (from 1, in the order both
 * tables are filled: subscription, resource, then hour or day): a resource's records of a day are
 * 24 EventIds in a row.
 */
function firstRecordOfDay(hours: number): string {
  const days = hours / 24;
  return `((g - 1) / ${days}) * ${hours} + ((g - 1) % ${days}) * 24 + 1`;
}

/** A resource's rows of January (31 days) and of the days of February the shape reaches, in the days and the monthly table. */
function monthRows(hours: number, t: Templates): { table: string; start: string; partials: string }[] {
  const days = hours / 24;
  const months = [{ start: '2025-01-01T00:00:00Z', days: Math.min(days, 31) }, ...(days > 31 ? [{ start: '2025-02-01T00:00:00Z', days: days - 31 }] : [])];
  return months.flatMap(({ start, days }) => [
    { table: 'usage_rollups_days', start, partials: t.monthDays(days) },
    { table: 'usage_rollups_monthly', start, partials: t.monthly(days) },
  ]);
}

function sqliteStatements({ subscriptions, resourcesPerSubscription: r, hours }: UsageShape, t: Templates): string[] {
  const sub = (index: string) => `'00000000-0000-4000-8000-' || printf('%012x', ${index})`;
  // Sequelize keeps SQLite dates as text in this form; queries compare them as text.
  const at = (offset: string, unit: string) => `strftime('%Y-%m-%d %H:%M:%S.000 +00:00', '2025-01-01 00:00:00', '+' || (${offset}) || ' ${unit}')`;
  const series = (count: number) => `WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < ${count})`;
  const records = subscriptions * r * hours;
  const days = hours / 24;
  return [
    `${series(records)} INSERT INTO usage_records (feed, event_id, subscription_id, provider_name, payload, received_at, resource_id, start_time, end_time, metered)
     SELECT 'usage', g, ${sub(`(g - 1) / ${r * hours}`)}, 'systemcenter', ${quote(t.payload)}, ${at('0', 'hours')},
            'vm-' || (((g - 1) / ${hours}) % ${r}), ${at(`(g - 1) % ${hours}`, 'hours')}, ${at(`(g - 1) % ${hours} + 1`, 'hours')}, ${quote(t.metered)} FROM s`,
    `${series(subscriptions * r * days)} INSERT INTO usage_rollups_hours (subscription_id, bucket_start, resource_id, partials, event_ids)
     SELECT ${sub(`(g - 1) / ${r * days}`)}, ${at(`(g - 1) % ${days}`, 'days')}, 'vm-' || (((g - 1) / ${days}) % ${r}), ${quote(t.hours)},
            (SELECT '{"usage":"' || group_concat(${firstRecordOfDay(hours)} + k, ',') || '"}' FROM (${Array.from({ length: 24 }, (_, k) => `SELECT ${k} AS k`).join(' UNION ALL ')})) FROM s`,
    `${series(subscriptions * days)} INSERT INTO usage_rollups_subscription_daily (subscription_id, bucket_start, partials)
     SELECT ${sub(`(g - 1) / ${days}`)}, ${at(`(g - 1) % ${days}`, 'days')}, ${quote(t.subscriptionDaily(r))} FROM s`,
    ...monthRows(hours, t).map(({ table, start, partials }) =>
      `${series(subscriptions * r)} INSERT INTO ${table} (subscription_id, bucket_start, resource_id, partials)
       SELECT ${sub(`(g - 1) / ${r}`)}, ${at(`${(new Date(start).getTime() - Date.UTC(2025, 0, 1)) / 86_400_000}`, 'days')}, 'vm-' || ((g - 1) % ${r}), ${quote(partials)} FROM s`),
    // No ANALYZE: the product never runs one on SQLite (see StatementValues).
    // The bulk load moved from the write-ahead log into the database file, as SQLite's automatic
    // checkpoints would have done by the time tenants ask.
    'PRAGMA wal_checkpoint(TRUNCATE)',
  ];
}
