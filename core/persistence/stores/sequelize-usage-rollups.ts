import { inject, injectable } from 'inversify';
import type { Transaction } from 'sequelize';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { mergedPartialsJson, mergedSlotsJson, rollupPartialsJson, slotPartialsJson } from './rollup-partials-json';
import { DAYS_OF_MONTH, HOURS_OF_DAY, type SlotLayout } from '../../usage/store/stored-slots';
import { regroupByMonth, regroupByMonthDays, regroupBySubscription, rollupChanges, rollupKeyText, type HoursChange, type RollupChange, type RollupChanges, type RollupKey, type SlotsChange } from '../../usage/store/rollup-changes';
import { mergedRecordIdsJson, recordIdsJson } from './rollup-record-ids';
import type { RollupTableGrain } from '../../usage/store/rollup-spans';
import { chunks, readDate, select, sqlList } from './sequelize-usage-sql';
import { bulkRowsFor, type BulkRows, type RowValues } from './bulk-rows/bulk-rows';

/**
 * The rollups of each resource. The hours table holds a row per UTC day, the days table (migration
 * 0013) a row per UTC month, each keeping its buckets as slots (`ROLLUP_SLOTS`); the monthly
 * table a row per month of whole partials.
 */
export const ROLLUP_TABLE: Record<RollupTableGrain, string> = { hour: 'usage_rollups_hours', day: 'usage_rollups_days', month: 'usage_rollups_monthly' };

/** How the rows of a grain's table keep its buckets, where they keep several (see `StoredSlots`). */
export const ROLLUP_SLOTS: Partial<Record<RollupTableGrain, SlotLayout>> = { hour: HOURS_OF_DAY, day: DAYS_OF_MONTH };

/** A row per subscription and UTC day, its resources combined (migration 0012): for series across resources. */
export const SUBSCRIPTION_DAILY_TABLE = 'usage_rollups_subscription_daily';

/**
 * A rollup row as read: `partials` is `{ meterId: StoredPartial }` as JSON (`StoredSlots` in the
 * hours and days tables); an hours row also names the records behind it (`event_ids`).
 */
export interface StoredRollupRow {
  id: string | number;
  subscription_id: string;
  resource_id: string;
  bucket_start: Date | string;
  partials: string;
  event_ids?: string | null;
}

/**
 * How a table's columns besides the key are written for a change, alone or combined with the
 * stored row of its key: the values of `columns`, in that order.
 */
interface RowCodec<T extends RollupKey> {
  readonly columns: readonly ['partials', ...string[]];
  write(change: T): RowValues;
  merge(stored: StoredRollupRow, change: T): RowValues;
}

const BY_METER: RowCodec<RollupChange> = {
  columns: ['partials'],
  write: (change) => [rollupPartialsJson(change.partials)],
  merge: (stored, change) => [mergedPartialsJson(stored.partials, change.partials)],
};

/** The days of a month: combined with the stored row per slot and meter. */
const BY_DAY: RowCodec<SlotsChange> = {
  columns: ['partials'],
  write: (change) => [slotPartialsJson(DAYS_OF_MONTH, change.meters)],
  merge: (stored, change) => [mergedSlotsJson(DAYS_OF_MONTH, stored.partials, change.meters)],
};

/** The hours of a day, as the days of a month, and the records behind them. */
const BY_HOUR: RowCodec<HoursChange> = {
  columns: ['partials', 'event_ids'],
  write: (change) => [slotPartialsJson(HOURS_OF_DAY, change.meters), recordIdsJson(change.feed, change.eventIds)],
  merge: (stored, change) => [mergedSlotsJson(HOURS_OF_DAY, stored.partials, change.meters), mergedRecordIdsJson(stored.event_ids, change.feed, change.eventIds)],
};

/** What a batch of usage changes in each rollup table. */
export interface RollupTableChanges {
  /** The hours of each resource's UTC days. */
  readonly hour: readonly HoursChange[];
  /** The days of each resource's UTC months. */
  readonly day: readonly SlotsChange[];
  readonly month: readonly RollupChange[];
  readonly subscriptionDay: readonly RollupChange[];
}

/**
 * Keeps the hourly, daily and monthly rollups up to date with new metered usage. Each changed row
 * is read once, combined in memory (only the meters and slots the change adds to: see
 * `mergedPartialsJson`), and written back (an upsert, or deleted
 * and inserted again where the dialect has none), so that a page costs a few statements whatever
 * its size. Arithmetic never happens in SQL: SQLite keeps decimals as text.
 */
@injectable()
export class SequelizeUsageRollups {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
  ) {}

  /** Adds new usage of the records of `feed` to the hourly, daily and monthly rollups, inside the caller's transaction. */
  async add(feed: string, usage: readonly MeteredUsage[], transaction: Transaction): Promise<void> {
    if (usage.length === 0) return;
    await this.addChanges(rollupChanges(usage, (meterId) => this.aggregationOf(meterId), feed), transaction);
  }

  /** Adds what usage worked out ahead changes (see `rollupChanges`, `RollupAccumulator`), inside the caller's transaction. */
  async addChanges({ hour, day }: RollupChanges, transaction: Transaction): Promise<void> {
    await this.write({ hour, day: regroupByMonthDays(day), month: regroupByMonth(day), subscriptionDay: regroupBySubscription(day) }, transaction);
  }

  /** Combines changes worked out ahead (see `rollupChanges`) into the stored rollups, inside the caller's transaction. */
  async write(changes: RollupTableChanges, transaction: Transaction, bulk = bulkRowsFor(this.database, transaction)): Promise<void> {
    await this.apply(ROLLUP_TABLE.hour, true, changes.hour, BY_HOUR, transaction, bulk);
    await this.apply(ROLLUP_TABLE.day, true, changes.day, BY_DAY, transaction, bulk);
    await this.apply(ROLLUP_TABLE.month, true, changes.month, BY_METER, transaction, bulk);
    await this.apply(SUBSCRIPTION_DAILY_TABLE, false, changes.subscriptionDay, BY_METER, transaction, bulk);
  }

  /** The aggregation of an active meter; usage of a meter no active plugin declares is an Error. */
  aggregationOf(meterId: string) {
    const meter = this.meters.meter(meterId);
    if (!meter) throw new Error(`meter '${meterId}' has usage but no active plugin declares it`);
    return meter.aggregation;
  }

  /** `byResource`: whether the table has a row per resource, or one per subscription (changes' `resourceId` is then ''). */
  private async apply<T extends RollupKey>(
    table: string, byResource: boolean, changes: readonly T[], codec: RowCodec<T>, transaction: Transaction, bulk: BulkRows,
  ): Promise<void> {
    if (changes.length === 0) return;
    const byKey = new Map<string, { change: T; values?: RowValues }>(changes.map((change) => [rollupKeyText(change), { change }]));
    const replaced: (string | number)[] = [];
    for (const row of await this.stored(table, byResource, codec.columns, changes, transaction)) {
      const held = byKey.get(rollupKeyText({ subscriptionId: row.subscription_id, resourceId: row.resource_id, bucketStart: readDate(row.bucket_start) }));
      if (!held) continue;
      held.values = codec.merge(row, held.change);
      replaced.push(row.id);
    }
    const rows = [...byKey.values()].map(({ change: c, values }): RowValues =>
      (byResource ? [c.subscriptionId, c.bucketStart, c.resourceId, ...(values ?? codec.write(c))] : [c.subscriptionId, c.bucketStart, ...(values ?? codec.write(c))]));
    const key = byResource ? ['subscription_id', 'bucket_start', 'resource_id'] : ['subscription_id', 'bucket_start'];
    await bulk.replace(table, [...key, ...codec.columns], key, rows, replaced);
  }

  /**
   * The stored rows that may share a key with the changes: every row of the changed subscriptions
   * in the changed buckets, filtered by key in `apply`. A feed arrives in time order, so a page
   * touches few buckets and this reads little more than it needs, in one statement per chunk.
   */
  private async stored(
    table: string, byResource: boolean, columns: readonly string[], changes: readonly RollupKey[], transaction: Transaction,
  ): Promise<StoredRollupRow[]> {
    const sequelize = this.database.sequelize;
    const subscriptions = [...new Set(changes.map((c) => c.subscriptionId))];
    const starts = [...new Set(changes.map((c) => c.bucketStart.getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
    const rows: StoredRollupRow[] = [];
    for (const someSubscriptions of chunks(subscriptions)) {
      for (const someStarts of chunks(starts)) {
        // The range repeats the IN list for PostgreSQL's planner: with the lists alone it scans
        // the whole table in parallel (slower with every page stored), with it the key index.
        const [first, last] = [someStarts[0], someStarts[someStarts.length - 1]].map((d) => sequelize.escape(d as unknown as string));
        rows.push(...(await select<StoredRollupRow>(
          sequelize,
          `SELECT id, subscription_id, ${byResource ? 'resource_id' : "'' AS resource_id"}, bucket_start, ${columns.join(', ')} FROM ${table}
           WHERE subscription_id IN ${sqlList(sequelize, someSubscriptions)} AND bucket_start IN ${sqlList(sequelize, someStarts)}
             AND bucket_start >= ${first} AND bucket_start <= ${last}`,
          transaction,
        )));
      }
    }
    return rows;
  }
}

