import type { Aggregation } from '../../plugin-api';
import type { MeteredUsage } from '../metering/metered-usage';
import { combinePartials } from '../metering/aggregation/partial-aggregate';
import { utcMonthOf } from './rollup-spans';
import { rollupUsage, type RollupGrain } from '../metering/aggregation/rollup';
import { addSlot, addToSlot, asPartial, copySlot, isExactAggregation, isExactSlot, scaledQuantity, type ExactAggregation, type RollupPartial } from './exact-slot';

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
): Record<RollupGrain, RollupChange[]> {
  const aggregations = new Map<string, Aggregation | `${Aggregation}`>();
  const hours = new ChangeSet();
  const days = new ChangeSet();
  for (const u of usage) {
    let aggregation = u.aggregation ?? aggregations.get(u.meterId);
    if (aggregation === undefined) aggregations.set(u.meterId, (aggregation = aggregationOf(u.meterId)));
    const quantity = isExactAggregation(aggregation) ? scaledQuantity(u.quantity.toString()) : undefined;
    if (quantity !== undefined) {
      addExact(hours, u, aggregation as ExactAggregation, quantity, HOUR);
      addExact(days, u, aggregation as ExactAggregation, quantity, DAY);
      continue;
    }
    const hourBuckets = rollupUsage(aggregation, [u], 'hour');
    for (const bucket of hourBuckets) hours.add(u, bucket.from.getTime(), bucket.partial);
    // A row inside one hour adds the same to its day as to its hour: fold it once.
    const insideOneHour = hourBuckets.length === 1 && u.start.getTime() >= hourBuckets[0].from.getTime() && u.end.getTime() <= hourBuckets[0].to.getTime();
    if (insideOneHour) days.add(u, utcDayOf(hourBuckets[0].from), hourBuckets[0].partial);
    else for (const bucket of rollupUsage(aggregation, [u], 'day')) days.add(u, bucket.from.getTime(), bucket.partial);
  }
  return { hour: hours.changes(), day: days.changes() };
}

/** Each bucket of `width` the row counts in (the rule of `countsIn`), with the milliseconds it holds there. */
function addExact(set: ChangeSet, u: MeteredUsage, aggregation: ExactAggregation, quantity: bigint, width: number): void {
  const start = u.start.getTime();
  const end = u.end.getTime();
  const last = end === start ? start : end - 1;
  for (let from = Math.floor(start / width) * width; from <= last; from += width) {
    const inside = Math.max(0, Math.min(end, from + width) - Math.max(start, from));
    set.addExact(u, from, aggregation, quantity, end - start, inside);
  }
}

interface Entry {
  readonly key: RollupKey;
  readonly partials: Map<string, RollupPartial>;
}

/** Changes by rollup row, each holding one partial per meter. */
class ChangeSet {
  // Subscription → resource → bucket start: no key text to build for each of a page's usage rows.
  private readonly bySubscription = new Map<string, Map<string, Map<number, Entry>>>();
  private readonly inOrder: Entry[] = [];

  add(u: MeteredUsage, bucketStart: number, partial: RollupPartial): void {
    const partials = this.entry(u, bucketStart).partials;
    const held = partials.get(u.meterId);
    partials.set(u.meterId, held ? combinePartials(asPartial(held), asPartial(partial)) : partial);
  }

  addExact(u: MeteredUsage, bucketStart: number, aggregation: ExactAggregation, quantity: bigint, length: number, inside: number): void {
    const partials = this.entry(u, bucketStart).partials;
    const held = partials.get(u.meterId);
    if (held === undefined || isExactSlot(held)) partials.set(u.meterId, addToSlot(held, aggregation, quantity, length, inside));
    else partials.set(u.meterId, combinePartials(held, asPartial(addToSlot(undefined, aggregation, quantity, length, inside))));
  }

  changes(): RollupChange[] {
    return this.inOrder.map(({ key, partials }) => ({ ...key, partials }));
  }

  private entry(u: MeteredUsage, bucketStart: number): Entry {
    const resourceId = u.resourceId ?? '';
    let byResource = this.bySubscription.get(u.subscriptionId);
    if (!byResource) this.bySubscription.set(u.subscriptionId, (byResource = new Map()));
    let byStart = byResource.get(resourceId);
    if (!byStart) byResource.set(resourceId, (byStart = new Map()));
    let entry = byStart.get(bucketStart);
    if (!entry) {
      entry = { key: { subscriptionId: u.subscriptionId, resourceId, bucketStart: new Date(bucketStart) }, partials: new Map() };
      byStart.set(bucketStart, entry);
      this.inOrder.push(entry);
    }
    return entry;
  }
}

function utcDayOf(hour: Date): number {
  return Math.floor(hour.getTime() / DAY) * DAY;
}

/**
 * Daily changes combined into the UTC months that hold them. Partials combine across adjacent
 * buckets exactly as raw rows would fold (see partial-aggregate), so a month built from its days
 * equals the month folded from the records. The days' partials are left as they are.
 */
export function regroupByMonth(days: readonly RollupChange[]): RollupChange[] {
  const months = new Map<string, { key: RollupKey; partials: Map<string, RollupPartial> }>();
  for (const day of days) {
    const key = { subscriptionId: day.subscriptionId, resourceId: day.resourceId, bucketStart: utcMonthOf(day.bucketStart.getTime()).from };
    const text = rollupKeyText(key);
    let month = months.get(text);
    if (!month) months.set(text, (month = { key, partials: new Map() }));
    for (const [meterId, partial] of day.partials) {
      const held = month.partials.get(meterId);
      if (held === undefined) month.partials.set(meterId, isExactSlot(partial) ? copySlot(partial) : partial);
      else if (isExactSlot(held) && isExactSlot(partial)) addSlot(held, partial);
      else month.partials.set(meterId, combinePartials(asPartial(held), asPartial(partial)));
    }
  }
  return [...months.values()].map(({ key, partials }) => ({ ...key, partials }));
}
