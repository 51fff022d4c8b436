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
 * The partials that new usage adds to the hourly or daily rollups, one row per subscription ×
 * resource × bucket holding one partial per meter. `aggregationOf` must know every meter of `usage`.
 */
export function rollupChanges(
  usage: readonly MeteredUsage[],
  grain: RollupGrain,
  aggregationOf: (meterId: string) => Aggregation | `${Aggregation}`,
): RollupChange[] {
  const series = new Map<string, MeteredUsage[]>();
  for (const u of usage) {
    const key = `${u.subscriptionId}\u0000${u.meterId}\u0000${u.resourceId ?? ''}`;
    const rows = series.get(key);
    if (rows) rows.push(u);
    else series.set(key, [u]);
  }
  const changes = new Map<string, { key: RollupKey; partials: Map<string, PartialAggregate> }>();
  for (const rows of series.values()) {
    const { subscriptionId, meterId, resourceId } = rows[0];
    for (const bucket of rollupUsage(aggregationOf(meterId), rows, grain)) {
      const key = { subscriptionId, resourceId: resourceId ?? '', bucketStart: bucket.from };
      const text = rollupKeyText(key);
      const change = changes.get(text) ?? { key, partials: new Map() };
      change.partials.set(meterId, bucket.partial);
      changes.set(text, change);
    }
  }
  return [...changes.values()].map(({ key, partials }) => ({ ...key, partials }));
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
