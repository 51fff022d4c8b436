import type { Aggregation } from '../../plugin-api';
import type { MeteredUsage } from '../metering/metered-usage';
import { combinePartials, type PartialAggregate } from '../metering/aggregation/partial-aggregate';
import { utcMonthOf } from './rollup-spans';
import { rollupUsage, type RollupGrain } from '../metering/aggregation/rollup';

/** The identity of one rollup row: every meter of one resource in one bucket. `resourceId` is `''` for usage without a resource. */
export interface RollupKey {
  readonly subscriptionId: string;
  readonly resourceId: string;
  readonly bucketStart: Date;
}

/** What new usage adds to one rollup row, per meter: to be combined with the row's stored partials. */
export interface RollupChange extends RollupKey {
  readonly partials: ReadonlyMap<string, PartialAggregate>;
}

/** Identifies a rollup row in maps; the same for a change and for the stored row it updates. */
export function rollupKeyText(key: RollupKey): string {
  return `${key.subscriptionId}\u0000${key.resourceId}\u0000${key.bucketStart.getTime()}`;
}

/**
 * The partials that new usage adds to the hourly and daily rollups, one row per subscription ×
 * resource × bucket holding one partial per meter. `aggregationOf` must know every meter of `usage`.
 * One pass in the order of `usage`: within a meter, rows combine in the order they came, as a
 * fold of that meter's rows would.
 */
export function rollupChanges(
  usage: readonly MeteredUsage[],
  aggregationOf: (meterId: string) => Aggregation | `${Aggregation}`,
): Record<RollupGrain, RollupChange[]> {
  const aggregations = new Map<string, Aggregation | `${Aggregation}`>();
  const hours = new ChangeSet();
  const days = new ChangeSet();
  for (const u of usage) {
    let aggregation = aggregations.get(u.meterId);
    if (aggregation === undefined) aggregations.set(u.meterId, (aggregation = aggregationOf(u.meterId)));
    const hourBuckets = rollupUsage(aggregation, [u], 'hour');
    for (const bucket of hourBuckets) hours.add(u, bucket);
    // A row inside one hour adds the same to its day as to its hour: fold it once.
    const insideOneHour = hourBuckets.length === 1 && u.start.getTime() >= hourBuckets[0].from.getTime() && u.end.getTime() <= hourBuckets[0].to.getTime();
    const dayBuckets = insideOneHour ? [{ from: utcDayOf(hourBuckets[0].from), partial: hourBuckets[0].partial }] : rollupUsage(aggregation, [u], 'day');
    for (const bucket of dayBuckets) days.add(u, bucket);
  }
  return { hour: hours.changes(), day: days.changes() };
}

/** Changes by rollup row, each holding one partial per meter. */
class ChangeSet {
  // Subscription → resource → bucket start: no key text to build for each of a page's usage rows.
  private readonly bySubscription = new Map<string, Map<string, Map<number, { key: RollupKey; partials: Map<string, PartialAggregate> }>>>();
  private readonly inOrder: { key: RollupKey; partials: Map<string, PartialAggregate> }[] = [];

  add(u: MeteredUsage, bucket: { readonly from: Date; readonly partial: PartialAggregate }): void {
    const resourceId = u.resourceId ?? '';
    let byResource = this.bySubscription.get(u.subscriptionId);
    if (!byResource) this.bySubscription.set(u.subscriptionId, (byResource = new Map()));
    let byStart = byResource.get(resourceId);
    if (!byStart) byResource.set(resourceId, (byStart = new Map()));
    let change = byStart.get(bucket.from.getTime());
    if (!change) {
      change = { key: { subscriptionId: u.subscriptionId, resourceId, bucketStart: bucket.from }, partials: new Map() };
      byStart.set(bucket.from.getTime(), change);
      this.inOrder.push(change);
    }
    const held = change.partials.get(u.meterId);
    change.partials.set(u.meterId, held ? combinePartials(held, bucket.partial) : bucket.partial);
  }

  changes(): RollupChange[] {
    return this.inOrder.map(({ key, partials }) => ({ ...key, partials }));
  }
}

function utcDayOf(hour: Date): Date {
  return new Date(Math.floor(hour.getTime() / 86_400_000) * 86_400_000);
}

/**
 * Daily changes combined into the UTC months that hold them. Partials combine across adjacent
 * buckets exactly as raw rows would fold (see partial-aggregate), so a month built from its days
 * equals the month folded from the records.
 */
export function regroupByMonth(days: readonly RollupChange[]): RollupChange[] {
  const months = new Map<string, { key: RollupKey; partials: Map<string, PartialAggregate> }>();
  for (const day of days) {
    const key = { subscriptionId: day.subscriptionId, resourceId: day.resourceId, bucketStart: utcMonthOf(day.bucketStart.getTime()).from };
    const text = rollupKeyText(key);
    const month = months.get(text) ?? { key, partials: new Map<string, PartialAggregate>() };
    for (const [meterId, partial] of day.partials) {
      const held = month.partials.get(meterId);
      month.partials.set(meterId, held ? combinePartials(held, partial) : partial);
    }
    months.set(text, month);
  }
  return [...months.values()].map(({ key, partials }) => ({ ...key, partials }));
}
