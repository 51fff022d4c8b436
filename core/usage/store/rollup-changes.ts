import type { MeteredUsage } from '../metering/metered-usage';
import { combinePartials } from '../metering/aggregation/partial-aggregate';
import { utcMonthOf } from './rollup-spans';
import { DAYS_OF_MONTH, HOURS_OF_DAY, slotNumber } from './stored-slots';
import { rollupUsage } from '../metering/aggregation/rollup';
import { Aggregation } from '../../plugin-api/meter-plugin';
import { addResourceToSlot, addSlot, addToSlot, asPartial, copySlot, isExactAggregation, isExactSlot, scaledQuantity, type ScaledAggregation, type RollupPartial } from './exact-slot';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The identity of one rollup row: every meter of one resource in one bucket. `resourceId` is `''` for usage without a resource. */
export interface RollupKey {
  readonly subscriptionId: string;
  readonly resourceId: string;
  readonly bucketStart: Date;
}

/**
 * What new usage adds to one rollup row, by meter (by hour slot in the hours table): to be
 * combined with the row's stored partials.
 */
export interface RollupChange extends RollupKey {
  readonly partials: ReadonlyMap<string, RollupPartial>;
}

/** One meter's partials in a row of slots, by slot number (hours 0–23, days 1–31); none where it has no usage. */
export interface MeterSlots {
  readonly aggregation: Aggregation | `${Aggregation}`;
  readonly slots: readonly (RollupPartial | undefined)[];
}

/**
 * What new usage adds to one row of slots (see `SlotLayout`): the hours of a resource's UTC day
 * (a day-long record makes one row, not 24), or the days of its UTC month; by meter, then by
 * slot, as the row is stored. `bucketStart` is the row's start.
 */
export interface SlotsChange extends RollupKey {
  readonly meters: ReadonlyMap<string, MeterSlots>;
}

/**
 * What new usage adds to an hours row, and the records it came from (their feed's EventIds, each
 * once): a drill-down finds a resource's records through its hours rows, by the records' key,
 * instead of through an index on every record by subscription (migration 0014).
 */
export interface HoursChange extends SlotsChange {
  readonly feed: string;
  readonly eventIds: readonly string[];
}

/** What new usage adds to the hours rows (a row per day) and to each resource's days. */
export interface RollupChanges {
  readonly hour: HoursChange[];
  readonly day: RollupChange[];
}

/** Identifies a rollup row in maps; the same for a change and for the stored row it updates. */
export function rollupKeyText(key: RollupKey): string {
  return `${key.subscriptionId}\u0000${key.resourceId}\u0000${key.bucketStart.getTime()}`;
}

/**
 * The partials that new usage adds to the hourly and daily rollups, one row per subscription ×
 * resource × bucket holding one partial per meter. `aggregationOf` must know every meter of `usage`
 * that carries no aggregation of its own. Sum, time-weighted and max usage is added up exactly in
 * place (see exact-slot); the other aggregations fold through `rollupUsage`, in the order of
 * `usage`, as a fold of that meter's rows would.
 */
export function rollupChanges(
  usage: readonly MeteredUsage[],
  aggregationOf: (meterId: string) => Aggregation | `${Aggregation}`,
  feed: string,
): RollupChanges {
  const accumulator = new RollupAccumulator(aggregationOf, feed);
  accumulator.add(usage);
  return accumulator.changes();
}

/**
 * `rollupChanges` worked out as usage arrives, a page at a time: what it keeps is the changed
 * rows, not the usage, so a long wait for the roll-up holds a few rows per resource and day
 * instead of every metered quantity. Adding pages one by one gives the changes of all of them at once.
 */
export class RollupAccumulator {
  private readonly aggregations = new Map<string, Aggregation | `${Aggregation}`>();
  private readonly hours: HoursSet;
  /** The days of the meters whose days are not worked out from their hours (see `changes`). */
  private readonly days = new ChangeSet();
  private added = 0;

  /** @param feed the feed of the records that `usage` comes from. */
  constructor(private readonly aggregationOf: (meterId: string) => Aggregation | `${Aggregation}`, feed: string) {
    this.hours = new HoursSet(feed);
  }

  /** How many usage rows were added. */
  get size(): number {
    return this.added;
  }

  add(usage: readonly MeteredUsage[]): void {
    const { hours, days } = this;
    for (const u of usage) {
      let aggregation = u.aggregation ?? this.aggregations.get(u.meterId);
      if (aggregation === undefined) this.aggregations.set(u.meterId, (aggregation = this.aggregationOf(u.meterId)));
      this.added++;
      if (aggregation === Aggregation.UniqueCount) {
        hours.addResource(u);
        continue;
      }
      if (isExactAggregation(aggregation)) {
        const quantity = scaledQuantity(u.quantityText ?? u.quantity.toString());
        if (quantity !== undefined) hours.addScaled(u, aggregation, quantity);
        else for (const bucket of rollupUsage(aggregation, [u], 'hour')) hours.add(u, bucket.from.getTime(), bucket.partial);
        continue;
      }
      const hourBuckets = rollupUsage(aggregation, [u], 'hour');
      for (const bucket of hourBuckets) hours.add(u, bucket.from.getTime(), bucket.partial);
      // A row inside one hour adds the same to its day as to its hour: fold it once.
      const insideOneHour = hourBuckets.length === 1 && u.start.getTime() >= hourBuckets[0].from.getTime() && u.end.getTime() <= hourBuckets[0].to.getTime();
      if (insideOneHour) days.add(u, utcDayOf(hourBuckets[0].from), hourBuckets[0].partial);
      else for (const bucket of rollupUsage(aggregation, [u], 'day')) days.add(u, bucket.from.getTime(), bucket.partial);
    }
  }

  /**
   * The changes of everything added so far. A day of a sum, time-weighted, max or unique-count
   * meter is the sum (the maximum, the union) of its hours, so it is worked out here from the
   * hours, once per changed hour, rather than from every usage row; the other aggregations' days
   * were folded row by row.
   */
  changes(): RollupChanges {
    const hour = this.hours.changes();
    const days = new ChangeSet();
    for (const { subscriptionId, resourceId, bucketStart, meters } of hour) {
      // An hours row is one UTC day: its hours all go to that day's row.
      const day = days.partialsOf(subscriptionId, resourceId, bucketStart.getTime());
      for (const [meterId, { aggregation, slots }] of meters) {
        // A meter's hours hold its one aggregation (looked up once, not per hour) unless it changed within the roll-up.
        const exact = isExactAggregation(aggregation);
        let sum = day.get(meterId);
        for (const partial of slots) {
          if (partial !== undefined && (partial.aggregation === aggregation ? exact : isExactAggregation(partial.aggregation))) sum = combinedInto(sum, partial);
        }
        if (sum !== undefined) day.set(meterId, sum);
      }
    }
    for (const { subscriptionId, resourceId, bucketStart, partials } of this.days.changes()) {
      const day = days.partialsOf(subscriptionId, resourceId, bucketStart.getTime());
      for (const [meterId, partial] of partials) addCombined(day, meterId, partial);
    }
    return { hour, day: days.changes() };
  }
}

/** The start of the last hour a row counts in (the rule of `countsIn`): a reading of no length counts in the hour of its start. */
function lastHourOf(start: number, end: number): number {
  return Math.floor((end === start ? start : end - 1) / HOUR) * HOUR;
}

/** Rows by subscription, resource and bucket start: no key text to build for each usage row. */
class RowsByKey<T> {
  private readonly bySubscription = new Map<string, Map<string, Map<number, T>>>();
  readonly inOrder: T[] = [];
  // The meters of one record come one after the other, all to the same row.
  private lastSubscription: string | undefined;
  private lastResource = '';
  private lastStart = NaN;
  private lastRow: T | undefined;

  constructor(private readonly create: (key: RollupKey) => T) {}

  row(u: MeteredUsage, bucketStart: number): T {
    return this.rowOf(u.subscriptionId, u.resourceId ?? '', bucketStart);
  }

  rowOf(subscriptionId: string, resourceId: string, bucketStart: number): T {
    if (this.lastStart === bucketStart && this.lastResource === resourceId && this.lastSubscription === subscriptionId) return this.lastRow!;
    let byResource = this.bySubscription.get(subscriptionId);
    if (!byResource) this.bySubscription.set(subscriptionId, (byResource = new Map()));
    let byStart = byResource.get(resourceId);
    if (!byStart) byResource.set(resourceId, (byStart = new Map()));
    let row = byStart.get(bucketStart);
    if (!row) {
      row = this.create({ subscriptionId, resourceId, bucketStart: new Date(bucketStart) });
      byStart.set(bucketStart, row);
      this.inOrder.push(row);
    }
    this.lastSubscription = subscriptionId;
    this.lastResource = resourceId;
    this.lastStart = bucketStart;
    this.lastRow = row;
    return row;
  }
}

/** Adds one row's partial to what a bucket holds for its meter. */
function addPartial(partials: Map<string, RollupPartial>, meterId: string, partial: RollupPartial): void {
  const held = partials.get(meterId);
  partials.set(meterId, held ? combinePartials(asPartial(held), asPartial(partial)) : partial);
}

/** Changes of the daily rollups, each row holding one partial per meter. */
class ChangeSet {
  private readonly rows = new RowsByKey<{ readonly key: RollupKey; readonly partials: Map<string, RollupPartial> }>((key) => ({ key, partials: new Map() }));

  add(u: MeteredUsage, bucketStart: number, partial: RollupPartial): void {
    addPartial(this.rows.row(u, bucketStart).partials, u.meterId, partial);
  }

  /** The partials of a row, by meter, to combine those of other buckets into (see `addCombined`). */
  partialsOf(subscriptionId: string, resourceId: string, bucketStart: number): Map<string, RollupPartial> {
    return this.rows.rowOf(subscriptionId, resourceId, bucketStart).partials;
  }

  changes(): RollupChange[] {
    return this.rows.inOrder.map(({ key, partials }) => ({ ...key, partials }));
  }
}

/** Changes of the hours rows, a row per UTC day holding each meter's hours, and the records behind them. */
class HoursSet {
  private readonly rows = new RowsByKey<HoursRow>((key) => ({ key, meters: new Map(), eventIds: new Set(), lastEventId: undefined }));

  constructor(private readonly feed: string) {}

  add(u: MeteredUsage, hourStart: number, partial: RollupPartial): void {
    const slots = this.slotsOf(u, hourStart, partial.aggregation);
    const hour = hourOfDay(hourStart);
    const held = slots[hour];
    slots[hour] = held === undefined ? partial : combinePartials(asPartial(held), asPartial(partial));
  }

  /** Adds a row of a sum, time-weighted or max meter to each hour it counts in, with the milliseconds it holds there. */
  addScaled(u: MeteredUsage, aggregation: ScaledAggregation, quantity: bigint): void {
    const start = u.start.getTime();
    const end = u.end.getTime();
    for (let from = Math.floor(start / HOUR) * HOUR, last = lastHourOf(start, end); from <= last; from += HOUR) {
      const inside = Math.max(0, Math.min(end, from + HOUR) - Math.max(start, from));
      const slots = this.slotsOf(u, from, aggregation);
      const hour = hourOfDay(from);
      const held = slots[hour];
      if (held === undefined) slots[hour] = addToSlot(undefined, aggregation, quantity, end - start, inside);
      else if (isExactSlot(held) && held.aggregation === aggregation) addToSlot(held, aggregation, quantity, end - start, inside);
      // The hour holds decimals already (a quantity too large for an exact slot); another aggregation fails there.
      else slots[hour] = combinePartials(asPartial(held), asPartial(addToSlot(undefined, aggregation, quantity, end - start, inside)));
    }
  }

  /** Adds a row's resource to each hour it counts in, for a unique-count meter. */
  addResource(u: MeteredUsage): void {
    const start = u.start.getTime();
    for (let from = Math.floor(start / HOUR) * HOUR, last = lastHourOf(start, u.end.getTime()); from <= last; from += HOUR) {
      const slots = this.slotsOf(u, from, Aggregation.UniqueCount);
      const hour = hourOfDay(from);
      const held = slots[hour];
      if (held === undefined) slots[hour] = addResourceToSlot(undefined, u.resourceId);
      else if (isExactSlot(held) && held.aggregation === Aggregation.UniqueCount) addResourceToSlot(held, u.resourceId);
      else slots[hour] = combinePartials(asPartial(held), asPartial(addResourceToSlot(undefined, u.resourceId)));
    }
  }

  changes(): HoursChange[] {
    return this.rows.inOrder.map(({ key, meters, eventIds }) => ({ ...key, meters, feed: this.feed, eventIds: [...eventIds] }));
  }

  /** The hours of the usage's meter in the row of `hourStart`'s day, by hour of the day. */
  private slotsOf(u: MeteredUsage, hourStart: number, aggregation: Aggregation | `${Aggregation}`): (RollupPartial | undefined)[] {
    const row = this.rows.row(u, HOURS_OF_DAY.rowStartOf(hourStart));
    // A record's quantities usually come one after the other: it is looked up once for all of them.
    if (row.lastEventId !== u.eventId) {
      row.eventIds.add(u.eventId);
      row.lastEventId = u.eventId;
    }
    let meter = row.meters.get(u.meterId);
    if (!meter) row.meters.set(u.meterId, (meter = { aggregation, slots: new Array<RollupPartial | undefined>(24) }));
    return meter.slots;
  }
}

/** The slot of the hour starting at `hourStart` in the hours row of its UTC day. */
function hourOfDay(hourStart: number): number {
  return slotNumber(HOURS_OF_DAY, HOURS_OF_DAY.rowStartOf(hourStart), hourStart);
}

interface HoursRow {
  readonly key: RollupKey;
  readonly meters: Map<string, { readonly aggregation: Aggregation | `${Aggregation}`; readonly slots: (RollupPartial | undefined)[] }>;
  readonly eventIds: Set<string>;
  lastEventId: string | undefined;
}

function utcDayOf(hour: Date): number {
  return Math.floor(hour.getTime() / DAY) * DAY;
}

/**
 * Daily changes of a subscription's resources combined into one change per subscription and day
 * (`resourceId` ''): partials combine across resources as they do across buckets. The days'
 * partials are left as they are.
 */
export function regroupBySubscription(days: readonly RollupChange[]): RollupChange[] {
  return regroup(days, (day) => ({ subscriptionId: day.subscriptionId, resourceId: '', bucketStart: day.bucketStart }));
}

/**
 * Daily changes combined into the UTC months that hold them. Partials combine across adjacent
 * buckets exactly as raw rows would fold (see partial-aggregate), so a month built from its days
 * equals the month folded from the records. The days' partials are left as they are.
 */
export function regroupByMonth(days: readonly RollupChange[]): RollupChange[] {
  return regroup(days, (day) => ({ subscriptionId: day.subscriptionId, resourceId: day.resourceId, bucketStart: utcMonthOf(day.bucketStart.getTime()).from }));
}

/**
 * Daily changes of each resource gathered into the row of its UTC month that keeps them by day
 * (see `DAYS_OF_MONTH`): one change per subscription, resource and month. The days' partials
 * are left as they are.
 */
export function regroupByMonthDays(days: readonly RollupChange[]): SlotsChange[] {
  const months = grouped(
    days,
    (day) => ({ subscriptionId: day.subscriptionId, resourceId: day.resourceId, bucketStart: new Date(DAYS_OF_MONTH.rowStartOf(day.bucketStart.getTime())) }),
    () => new Map<string, { readonly aggregation: Aggregation | `${Aggregation}`; readonly slots: (RollupPartial | undefined)[] }>(),
    (meters, day, month) => {
      const slot = slotNumber(DAYS_OF_MONTH, month.bucketStart.getTime(), day.bucketStart.getTime());
      for (const [meterId, partial] of day.partials) {
        let meter = meters.get(meterId);
        if (!meter) meters.set(meterId, (meter = { aggregation: partial.aggregation, slots: [] }));
        meter.slots[slot] = combinedInto(meter.slots[slot], partial);
      }
    },
  );
  return months.map(({ key, group }) => ({ ...key, meters: group }));
}

function regroup(days: readonly RollupChange[], keyOf: (day: RollupChange) => RollupKey): RollupChange[] {
  return grouped(days, keyOf, () => new Map<string, RollupPartial>(), (partials, day) => addAll(partials, day.partials))
    .map(({ key, group }) => ({ ...key, partials: group }));
}

/** Each change added to the group of its key, groups in the order their first change came. */
function grouped<G>(
  days: readonly RollupChange[], keyOf: (day: RollupChange) => RollupKey, create: () => G, add: (group: G, day: RollupChange, key: RollupKey) => void,
): { key: RollupKey; group: G }[] {
  const groups = new Map<string, { key: RollupKey; group: G }>();
  for (const day of days) {
    const key = keyOf(day);
    const text = rollupKeyText(key);
    let held = groups.get(text);
    if (!held) groups.set(text, (held = { key, group: create() }));
    add(held.group, day, held.key);
  }
  return [...groups.values()];
}

/** Adds a change's partials to a group's, by meter. */
function addAll(into: Map<string, RollupPartial>, partials: ReadonlyMap<string, RollupPartial>): void {
  for (const [meterId, partial] of partials) addCombined(into, meterId, partial);
}

/** Adds one meter's partial of another bucket to a group's; exact slots are copied before anything is added to them in place. */
function addCombined(into: Map<string, RollupPartial>, meterId: string, partial: RollupPartial): void {
  into.set(meterId, combinedInto(into.get(meterId), partial));
}

/** `held` (what a bucket holds, perhaps nothing) with a partial of another bucket added: in place where both are exact slots. */
function combinedInto(held: RollupPartial | undefined, partial: RollupPartial): RollupPartial {
  if (held === undefined) return isExactSlot(partial) ? copySlot(partial) : partial;
  if (isExactSlot(held) && isExactSlot(partial)) {
    addSlot(held, partial);
    return held;
  }
  return combinePartials(asPartial(held), asPartial(partial));
}
