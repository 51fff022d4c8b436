import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migration';
import type { StoredPartial } from '../../usage/metering/aggregation/stored-partial';
import { stateOf, storedPartialOf, type StoredHours } from '../../usage/store/stored-slots';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface RollupRow {
  subscription_id: string;
  resource_id: string;
  bucket_start: Date | string;
  partials: string;
}

/**
 * Rollups written behind the records instead of with every page (`npm run bench`: writing them
 * page by page cost four times the records themselves).
 * - `feed_watermarks.rolled_up_to`: the records of a feed with a smaller EventId are in the
 *   rollups; the ones from there on (the tail) are folded from their `metered` column by queries
 *   until the collector rolls them up. Everything stored before this migration is rolled up. It
 *   stays NULL for the catalogue's feeds, kept in usage_records too but never metered.
 * - `usage_rollups_hours` replaces `usage_rollups_hourly`: one row per subscription, resource and
 *   UTC day holds that day's hours (see `StoredHours`). A day-long database record made 24
 *   hourly rows; now it makes one.
 */
export const deferredRollups: Migration = {
  name: '0011-deferred-rollups',
  async up({ queryInterface }) {
    await queryInterface.addColumn('feed_watermarks', 'rolled_up_to', { type: DataTypes.BIGINT, allowNull: true });
    // The usage feeds (the catalogue's feeds keep NULL: their records never roll up).
    await queryInterface.sequelize.query(
      'UPDATE feed_watermarks SET rolled_up_to = next_start_id WHERE feed IN (SELECT DISTINCT feed FROM usage_records WHERE metered IS NOT NULL)',
    );
    await createRollupTable(queryInterface, 'usage_rollups_hours');
    await copyBySubscription(queryInterface, 'usage_rollups_hourly', 'usage_rollups_hours', hoursIntoDays);
    await queryInterface.dropTable('usage_rollups_hourly');
  },
  async down({ queryInterface }) {
    await createRollupTable(queryInterface, 'usage_rollups_hourly');
    await copyBySubscription(queryInterface, 'usage_rollups_hours', 'usage_rollups_hourly', daysIntoHours);
    await queryInterface.dropTable('usage_rollups_hours');
    await queryInterface.removeColumn('feed_watermarks', 'rolled_up_to');
  },
};

export async function createRollupTable(queryInterface: QueryInterface, table: string): Promise<void> {
  await queryInterface.createTable(table, {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
    subscription_id: { type: DataTypes.STRING(64), allowNull: false },
    bucket_start: { type: DataTypes.DATE, allowNull: false },
    // '' for usage without a resource: NULLs would not collide in the unique index.
    resource_id: { type: DataTypes.STRING(256), allowNull: false },
    partials: { type: DataTypes.TEXT, allowNull: false },
  });
  await queryInterface.addIndex(table, ['subscription_id', 'bucket_start', 'resource_id'], { name: `${table}_key`, unique: true });
}

/** One subscription's rows at a time: a year of one subscription's hours fits in memory, a table of them may not. */
export async function copyBySubscription(queryInterface: QueryInterface, from: string, to: string, convert: (rows: RollupRow[]) => RollupRow[]): Promise<void> {
  const sequelize = queryInterface.sequelize;
  const subscriptions = await sequelize.query<{ subscription_id: string }>(`SELECT DISTINCT subscription_id FROM ${from}`, { type: QueryTypes.SELECT });
  for (const { subscription_id } of subscriptions) {
    const rows = await sequelize.query<RollupRow>(
      `SELECT subscription_id, resource_id, bucket_start, partials FROM ${from} WHERE subscription_id = :subscription_id`,
      { type: QueryTypes.SELECT, replacements: { subscription_id } },
    );
    const converted = convert(rows).map((r) => ({ ...r, bucket_start: new Date(r.bucket_start) }));
    for (let i = 0; i < converted.length; i += 500) await queryInterface.bulkInsert(to, converted.slice(i, i + 500));
  }
}

function hoursIntoDays(rows: RollupRow[]): RollupRow[] {
  const days = new Map<string, { row: RollupRow; hours: StoredHours }>();
  for (const row of rows) {
    const hour = new Date(row.bucket_start).getTime();
    const day = Math.floor(hour / DAY) * DAY;
    const key = `${row.resource_id}\u0000${day}`;
    const held = days.get(key) ?? { row: { ...row, bucket_start: new Date(day) }, hours: {} };
    for (const [meterId, stored] of Object.entries(JSON.parse(row.partials) as Record<string, StoredPartial>)) {
      const meter = held.hours[meterId] ?? (held.hours[meterId] = { a: stored.aggregation, h: {} });
      meter.h[String((hour - day) / HOUR)] = stateOf(stored);
    }
    days.set(key, held);
  }
  return [...days.values()].map(({ row, hours }) => ({ ...row, partials: JSON.stringify(sortedByKey(hours)) }));
}

function daysIntoHours(rows: RollupRow[]): RollupRow[] {
  return rows.flatMap((row) => {
    const hours = new Map<number, Record<string, StoredPartial>>();
    for (const [meterId, { a, h }] of Object.entries(JSON.parse(row.partials) as StoredHours)) {
      for (const hour in h) {
        const meters = hours.get(Number(hour)) ?? {};
        meters[meterId] = storedPartialOf(a, h[hour]);
        hours.set(Number(hour), meters);
      }
    }
    return [...hours].map(([hour, meters]) => ({
      ...row,
      bucket_start: new Date(new Date(row.bucket_start).getTime() + hour * HOUR),
      partials: JSON.stringify(sortedByKey(meters)),
    }));
  });
}

/** Meters in code-unit order, as the usage store writes them. */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
