import { inject, injectable } from 'inversify';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import { Decimal } from '../../money/decimal';
import { combinePartials, emptyPartial } from '../../usage/metering/aggregation/partial-aggregate';
import { finishedQuantity } from '../../usage/store/finished-quantity';
import type { Period } from '../../usage/metering/aggregation/period';
import type { RawUsageRecord } from '../../usage/store/raw-usage-record';
import { rollupReads, type RollupRead } from '../../usage/store/rollup-spans';
import { rollupUsage } from '../../usage/metering/aggregation/rollup';
import { countsIn } from '../../usage/metering/aggregation/period';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { tailRowUsage, tailSelect, type TailStarts } from './sequelize-usage-tail';
import { tailStartsOf, tailStartsSelect, usageFeeds, USAGE_FEEDS_WHERE } from './sequelize-feed-watermarks';
import { parseRecordIds } from './rollup-record-ids';
import { eventIdBefore } from '../../usage/store/raw-usage-record';
import type { MeterTotal, ResourceTotal, SeriesGrain, SubscriptionMeterTotal, SubscriptionPeriod, UsageBucket, UsageEvidence, UsageQuery } from '../../usage/store/usage-query';
import { bucketOf } from '../../usage/store/series-buckets';
import { ROLLUP_SLOTS, ROLLUP_TABLE, SUBSCRIPTION_DAILY_TABLE, type StoredRollupRow } from './sequelize-usage-rollups';
import { fromStoredPartial, type StoredPartial } from '../../usage/metering/aggregation/stored-partial';
import { HOURS_OF_DAY, slotStart, storedPartialOf, type SlotLayout, type StoredSlots } from '../../usage/store/stored-slots';
import { addSlot, asPartial, exactSlotOfStored, isExactSlot, type RollupPartial } from '../../usage/store/exact-slot';
import { parseMetered } from '../../usage/store/metered-column';
import { bigintAsText, chunks, jsonMemberSql, readBigint, readDate, select, selectBound, StatementValues, subscriptionCondition } from './sequelize-usage-sql';
import { groupBy } from '../../shared/group-by';

/** One meter's partial from one rollup row. */
interface MeterSlice {
  subscription_id: string;
  meter_id: string;
  resource_id: string;
  bucket_start: Date | string;
  partial: RollupPartial;
}

/**
 * The columns of a rollup row that answers read; `partials` only the entry of the meter asked
 * for, if one was (NULL in a row without it).
 */
type RollupRowRead = Pick<StoredRollupRow, 'subscription_id' | 'resource_id' | 'bucket_start'> & { partials: string | null };

/**
 * A row of `rollups`' one statement: a rollup row of read number `part`, or (part = the number of
 * reads) a record of a feed's tail, its start in `bucket_start` and its `metered` in `partials`.
 */
interface UnionRow {
  part: number | string;
  subscription_id: string;
  resource_id: string | null;
  bucket_start: Date | string;
  partials: string | null;
  /** The tail's alone, as is `end_time`. */
  event_id: string | number | null;
  end_time: Date | string | null;
}

interface EvidenceRow {
  feed: string;
  event_id: string | number;
  start_time: Date | string;
  end_time: Date | string;
  resource_id: string | null;
  metered: string | null;
  payload: string;
}

/** Answers usage questions from the rollups and the feeds' tails (totals), and from usage_records (the records behind them). */
@injectable()
export class SequelizeUsageQuery implements UsageQuery {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
  ) {}

  /**
   * The usage feeds, as last read: an answer reads their tails in its one statement, with a guard
   * that finds a feed that has become one since (see `rollups`). Feeds never stop being usage feeds.
   */
  private usageFeeds: readonly string[] | undefined;

  async totals(subscriptionId: string, period: Period): Promise<MeterTotal[]> {
    return (await this.totalsMany([{ subscriptionId, period }]))[0];
  }

  async totalsMany(requests: readonly SubscriptionPeriod[]): Promise<MeterTotal[][]> {
    // One read of the rollups per distinct period (usually all subscriptions share their account's period).
    const byPeriod = new Map<string, { period: Period; subscriptionIds: Set<string> }>();
    for (const { subscriptionId, period } of requests) {
      const key = `${period.from.getTime()}/${period.to.getTime()}`;
      const group = byPeriod.get(key) ?? { period, subscriptionIds: new Set<string>() };
      group.subscriptionIds.add(subscriptionId);
      byPeriod.set(key, group);
    }
    const totals = new Map<string, MeterTotal[]>();
    for (const [key, { period, subscriptionIds }] of byPeriod) {
      const slices: MeterSlice[] = [];
      for (const chunk of chunks([...subscriptionIds])) slices.push(...(await this.rollups(chunk, undefined, period, ACROSS_RESOURCES)));
      const bySubscription = groupBy(slices, (slice) => slice.subscription_id);
      for (const subscriptionId of subscriptionIds) totals.set(`${subscriptionId}\u0000${key}`, this.meterTotals(bySubscription.get(subscriptionId) ?? []));
    }
    return requests.map(({ subscriptionId, period }) => totals.get(`${subscriptionId}\u0000${period.from.getTime()}/${period.to.getTime()}`)!);
  }

  private meterTotals(slices: readonly MeterSlice[]): MeterTotal[] {
    const byMeter = this.fold(slices, (row) => row.meter_id);
    return [...byMeter].sort(([a], [b]) => (a < b ? -1 : 1)).map(([meterId, partial]) => ({
      meterId,
      aggregation: partial.aggregation,
      unit: this.meters.meter(meterId)?.unit,
      quantity: finishedQuantity(partial),
    }));
  }

  async byResource(subscriptionId: string, meterId: string, period: Period): Promise<ResourceTotal[]> {
    const byResource = this.fold(await this.rollups(subscriptionId, meterId, period, BY_RESOURCE), (row) => row.resource_id);
    return [...byResource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([resourceId, partial]) => ({
      resourceId: resourceId === '' ? null : resourceId,
      quantity: finishedQuantity(partial),
    }));
  }

  async records(subscriptionId: string, meterId: string, resourceId: string | null, period: Period): Promise<UsageEvidence[]> {
    const columns = `feed, ${bigintAsText(this.database.dialect, 'event_id', 'event_id')}, start_time, end_time, resource_id, metered, payload`;
    const { rolledUp, tailStarts } = await this.hoursAndTails(subscriptionId, resourceId ?? '', period);
    // The tails from where they started when the hours rows were read: the records rolled up since are read from there.
    const values = new StatementValues(this.database.sequelize);
    const tail = tailSelect(values, columns, subscriptionId, period, { startingAt: tailStarts });
    const rows = [
      ...(await this.recordsByKey(columns, rolledUp)),
      ...(tail === undefined ? [] : await selectBound<EvidenceRow>(this.database.sequelize, tail, values)),
    ].map((r) => ({ ...r, eventId: readBigint(r.event_id), start: readDate(r.start_time), end: readDate(r.end_time) }));
    rows.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.eventId === b.eventId ? 0 : eventIdBefore(a.eventId, b.eventId) ? -1 : 1));
    const evidence: UsageEvidence[] = [];
    for (const r of rows) {
      // The rule of `countsIn`: a record overlaps the period, or is a reading taken inside it.
      if (!countsIn(r, period)) continue;
      for (const [meter, resource, quantity] of parseMetered(r.metered, r.resource_id)) {
        if (meter !== meterId || resource !== resourceId) continue;
        evidence.push({ feed: r.feed, eventId: r.eventId, start: r.start, end: r.end, quantity: new Decimal(quantity).toString(), record: JSON.parse(r.payload) as RawUsageRecord });
      }
    }
    return evidence;
  }

  /**
   * In one statement, so from one snapshot: the rolled-up records of a resource with usage in the
   * days the period touches, by feed, as the hours rows of those days name them (`event_ids`;
   * some may not count in the period), and where each feed's tail started then.
   */
  private async hoursAndTails(subscriptionId: string, resourceId: string, period: Period): Promise<{ rolledUp: Map<string, Set<string>>; tailStarts: TailStarts }> {
    const values = new StatementValues(this.database.sequelize);
    // The watermarks' branch comes first: PostgreSQL types a UNION's columns by its typed branch.
    const rows = await selectBound<{ feed: string | null; rolled_up_to: string | number | null; event_ids: string | null }>(
      this.database.sequelize,
      `SELECT starts.*, NULL AS event_ids FROM (${tailStartsSelect(this.database.dialect)}) starts
       UNION ALL
       SELECT NULL, NULL, event_ids FROM ${ROLLUP_TABLE.hour}
       WHERE subscription_id = ${values.add(subscriptionId)} AND resource_id = ${values.add(resourceId)}
         AND bucket_start >= ${values.add(new Date(HOURS_OF_DAY.rowStartOf(period.from.getTime())))} AND bucket_start < ${values.add(period.to)}`,
      values,
    );
    const rolledUp = new Map<string, Set<string>>();
    for (const row of rows) {
      for (const [feed, eventIds] of parseRecordIds(row.event_ids)) {
        const held = rolledUp.get(feed) ?? new Set<string>();
        for (const eventId of eventIds) held.add(eventId);
        rolledUp.set(feed, held);
      }
    }
    const starts = rows.filter((r): r is { feed: string; rolled_up_to: string | number; event_ids: null } => r.feed !== null);
    return { rolledUp, tailStarts: tailStartsOf(starts) };
  }

  /** The records of each feed with these EventIds, read by their key. */
  private async recordsByKey(columns: string, eventIdsByFeed: ReadonlyMap<string, ReadonlySet<string>>): Promise<EvidenceRow[]> {
    const rows: EvidenceRow[] = [];
    for (const [feed, eventIds] of eventIdsByFeed) {
      const ascending = [...eventIds].sort((a, b) => (eventIdBefore(a, b) ? -1 : 1));
      for (const ids of chunks(ascending)) {
        // EventIds are digit strings the store wrote; the range repeats the IN list for PostgreSQL's planner.
        rows.push(...(await select<EvidenceRow>(
          this.database.sequelize,
          `SELECT ${columns} FROM usage_records
           WHERE feed = :feed AND event_id IN (${ids.join(', ')}) AND event_id >= ${ids[0]} AND event_id <= ${ids[ids.length - 1]}`,
          undefined,
          { feed },
        )));
      }
    }
    return rows;
  }

  async series(subscriptionId: string, period: Period, grain: SeriesGrain): Promise<UsageBucket[]> {
    // A series never reads a coarser rollup than its buckets: a day's row does not say which hour its usage fell in.
    const rows = await this.rollups(subscriptionId, undefined, period, ACROSS_RESOURCES, grain);
    // Every resource and meter of a bucket shares its stored start: each start is read and bucketed
    // once, keyed as it came (a Date's milliseconds; SQLite's text), and every start in one bucket
    // answers the same Period, which then groups the bucket's slices by identity.
    const bucketsByStored = new Map<number | string, Period>();
    const bucketsByFrom = new Map<number, Period>();
    const bucketFor = (stored: Date | string): Period => {
      const key = stored instanceof Date ? stored.getTime() : stored;
      let bucket = bucketsByStored.get(key);
      if (!bucket) {
        const found = bucketOf(readDate(stored), grain, period);
        bucket = bucketsByFrom.get(found.from.getTime()) ?? found;
        bucketsByFrom.set(bucket.from.getTime(), bucket);
        bucketsByStored.set(key, bucket);
      }
      return bucket;
    };
    const buckets: UsageBucket[] = [];
    for (const [meterId, slices] of groupBy(rows, (slice) => slice.meter_id)) {
      for (const [bucket, partial] of this.fold(slices, (slice) => bucketFor(slice.bucket_start))) {
        buckets.push({ meterId, from: bucket.from, to: bucket.to, quantity: finishedQuantity(partial) });
      }
    }
    return buckets.sort((a, b) => a.from.getTime() - b.from.getTime() || (a.meterId < b.meterId ? -1 : a.meterId > b.meterId ? 1 : 0));
  }

  async overview(period: Period): Promise<SubscriptionMeterTotal[]> {
    const groups = this.fold(await this.rollups(undefined, undefined, period, ACROSS_RESOURCES), (row) => `${row.subscription_id}\u0000${row.meter_id}`);
    return [...groups]
      .map(([key, partial]) => {
        const [subscriptionId, meterId] = key.split('\u0000');
        return { subscriptionId, meterId, quantity: finishedQuantity(partial) };
      })
      .sort((a, b) => (a.subscriptionId + a.meterId < b.subscriptionId + b.meterId ? -1 : 1));
  }

  /**
   * Combines meter slices into one partial per group, starting from the registry's aggregation
   * when it knows the meter. Exact slots add up in place (see exact-slot), the rest as decimals.
   */
  private fold<K>(slices: readonly MeterSlice[], groupOf: (slice: MeterSlice) => K): Map<K, RollupPartial> {
    const partials = new Map<K, RollupPartial>();
    for (const slice of slices) {
      const group = groupOf(slice);
      const held = partials.get(group);
      const partial = slice.partial;
      if (held === undefined) {
        const aggregation = this.meters.meter(slice.meter_id)?.aggregation ?? partial.aggregation;
        // The fold adds to the slice's slot in place: every read makes its slices anew, and no one else holds them.
        partials.set(group, aggregation !== partial.aggregation ? combinePartials(emptyPartial(aggregation), asPartial(partial)) : partial);
      } else if (isExactSlot(held) && isExactSlot(partial)) {
        addSlot(held, partial);
      } else {
        partials.set(group, combinePartials(asPartial(held), asPartial(partial)));
      }
    }
    return partials;
  }

  /**
   * The meter slices of the period: daily rollups for its whole days (monthly for its whole months),
   * hourly ones for the hours at its edges, never two tables for one instant; and the feeds' tails,
   * not rolled up yet, bucketed the same way. `subscriptions`: one, several (a list read with IN),
   * or undefined for every subscription. Across resources, whole days are read from the rows of
   * their subscriptions, and slices do not say which resource they hold; by resource, from the
   * rows that keep a resource's month of days.
   */
  private async rollups(
    subscriptions: string | readonly string[] | undefined, meterId: string | undefined, period: Period, resources: Resources, coarsest: SeriesGrain = 'month',
  ): Promise<MeterSlice[]> {
    const database = this.database;
    const sequelize = database.sequelize;
    const values = new StatementValues(sequelize);
    const reads = rollupReads(period, coarsest);
    const slotsOf = (read: RollupRead) => (read.grain === 'day' && resources === ACROSS_RESOURCES ? undefined : ROLLUP_SLOTS[read.grain]);
    const feeds = (this.usageFeeds ??= await usageFeeds(database));
    // A row keeps every meter of its resource: of one meter, the database hands its entry over alone where it can.
    const meterEntry = meterId === undefined ? undefined : jsonMemberSql(sequelize, database.dialect, 'partials', meterId);
    const oneMeter = meterEntry === undefined ? undefined : meterId;
    const partials = meterEntry === undefined ? 'partials' : `${meterEntry} AS partials`;
    // The tail's branch comes first: PostgreSQL types a UNION's columns branch by branch, and the
    // rollups' untyped NULLs take the types they meet there.
    const tail = reads.length;
    const tailBranch = tailSelect(
      values,
      `${tail} AS part, subscription_id, resource_id, start_time AS bucket_start, metered AS partials, ${bigintAsText(database.dialect, 'event_id', 'event_id')}, end_time`,
      subscriptions,
      period,
      { ofFeeds: feeds },
    );
    const branches = tailBranch === undefined ? [] : [tailBranch];
    const which = subscriptionCondition(values, subscriptions);
    for (const [part, read] of reads.entries()) {
      const bySubscription = read.grain === 'day' && resources === ACROSS_RESOURCES;
      const slots = slotsOf(read);
      // A row of slots is keyed by its start (an hours row by its UTC day, a days row by its UTC
      // month): the read starts at the row of its first slot.
      const from = slots ? new Date(slots.rowStartOf(read.from.getTime())) : read.from;
      branches.push(
        `SELECT ${part} AS part, subscription_id, ${bySubscription ? "'' AS resource_id" : 'resource_id'}, bucket_start, ${partials}, NULL AS event_id, NULL AS end_time
         FROM ${bySubscription ? SUBSCRIPTION_DAILY_TABLE : ROLLUP_TABLE[read.grain]}
         WHERE bucket_start >= ${values.add(from)} AND bucket_start < ${values.add(read.to)} ${which}`,
      );
    }
    // A row here is a usage feed this instance did not know of: its tail was not read.
    const guard = reads.length + 1;
    const known = feeds.length === 0 ? '' : `AND feed NOT IN ${values.list(feeds)}`;
    branches.push(`SELECT ${guard} AS part, NULL, NULL, NULL, NULL, NULL, NULL FROM feed_watermarks WHERE ${USAGE_FEEDS_WHERE} ${known}`);
    // One statement, so one snapshot of the rollups and the tail (see `Tails`): a roll-up
    // that commits meanwhile is in the answer whole or not at all. Fewer round trips, too.
    const rows = await selectBound<UnionRow>(sequelize, branches.join(' UNION ALL '), values);
    const byPart = Array.from({ length: guard + 1 }, () => [] as UnionRow[]);
    for (const row of rows) byPart[Number(row.part)].push(row);
    if (byPart[guard].length > 0) {
      this.usageFeeds = undefined;
      return this.rollups(subscriptions, meterId, period, resources, coarsest);
    }
    const slices: MeterSlice[] = [];
    for (const [part, read] of reads.entries()) {
      const slots = slotsOf(read);
      for (const row of byPart[part] as RollupRowRead[]) {
        if (row.partials === null) continue;
        const stored: unknown = oneMeter === undefined ? JSON.parse(row.partials) : { [oneMeter]: JSON.parse(row.partials) };
        if (slots) this.slotSlices(slots, row, stored as StoredSlots<string>, read, meterId, slices);
        else this.bucketSlices(row, stored as Record<string, StoredPartial>, meterId, slices);
      }
    }
    const usage = byPart[tail].flatMap((row) => tailRowUsage({
      event_id: row.event_id!, subscription_id: row.subscription_id, start_time: row.bucket_start, end_time: row.end_time!, resource_id: row.resource_id, metered: row.partials,
    }));
    this.tailSlices(usage, reads, meterId, slices);
    return slices;
  }

  /** Only the meter asked for is turned into decimals: the rest of the row is never read. */
  private bucketSlices(row: RollupRowRead, stored: Record<string, StoredPartial>, meterId: string | undefined, slices: MeterSlice[]): void {
    for (const meter of meterId === undefined ? Object.keys(stored) : [meterId]) {
      if (!(meter in stored)) continue;
      slices.push({ subscription_id: row.subscription_id, meter_id: meter, resource_id: row.resource_id, bucket_start: row.bucket_start, partial: exactSlotOfStored(stored[meter]) ?? fromStoredPartial(stored[meter]) });
    }
  }

  /** The slots of a row of slots (an hours or a days row, see `StoredSlots`) that lie in the read. */
  private slotSlices(layout: SlotLayout, row: RollupRowRead, stored: StoredSlots<string>, read: Period, meterId: string | undefined, slices: MeterSlice[]): void {
    const rowStart = readDate(row.bucket_start).getTime();
    for (const meter of meterId === undefined ? Object.keys(stored) : [meterId]) {
      if (!(meter in stored)) continue;
      const { a, [layout.field]: states } = stored[meter];
      for (const slot in states) {
        const start = slotStart(layout, rowStart, Number(slot));
        if (start < read.from.getTime() || start >= read.to.getTime()) continue;
        const partial = storedPartialOf(a, states[slot]);
        slices.push({ subscription_id: row.subscription_id, meter_id: meter, resource_id: row.resource_id, bucket_start: new Date(start), partial: exactSlotOfStored(partial) ?? fromStoredPartial(partial) });
      }
    }
  }

  /** Usage not rolled up yet, in the buckets the rollups would hold it in (days for a monthly read: a month is whole days). */
  private tailSlices(usage: readonly MeteredUsage[], reads: readonly RollupRead[], meterId: string | undefined, slices: MeterSlice[]): void {
    for (const u of usage) {
      if (meterId !== undefined && u.meterId !== meterId) continue;
      const aggregation = u.aggregation ?? this.meters.meter(u.meterId)?.aggregation;
      if (aggregation === undefined) throw new Error(`meter '${u.meterId}' has usage but no active plugin declares it`);
      for (const read of reads) {
        if (!countsIn(u, read)) continue;
        for (const bucket of rollupUsage(aggregation, [u], read.grain === 'hour' ? 'hour' : 'day')) {
          if (bucket.from < read.from || bucket.from >= read.to) continue;
          slices.push({ subscription_id: u.subscriptionId, meter_id: u.meterId, resource_id: u.resourceId ?? '', bucket_start: bucket.from, partial: bucket.partial });
        }
      }
    }
  }
}

/** Whether an answer groups by resource (the drill-down) or combines a subscription's resources. */
type Resources = typeof BY_RESOURCE | typeof ACROSS_RESOURCES;
const BY_RESOURCE = 'by resource';
const ACROSS_RESOURCES = 'across resources';
