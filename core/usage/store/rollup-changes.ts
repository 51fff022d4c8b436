import type { Aggregation } from '../../plugin-api';
import type { MeteredUsage } from '../metering/metered-usage';
import type { PartialAggregate } from '../metering/aggregation/partial-aggregate';
import { rollupUsage, type RollupGrain } from '../metering/aggregation/rollup';

/** The identity of one rollup row. `resourceId` is `''` for usage without a resource. */
export interface RollupKey {
  readonly subscriptionId: string;
  readonly meterId: string;
  readonly resourceId: string;
  readonly bucketStart: Date;
}

/** What new usage adds to one rollup row: to be combined with the row's stored partial. */
export interface RollupChange extends RollupKey {
  readonly partial: PartialAggregate;
}

/** Identifies a rollup row in maps; the same for a change and for the stored row it updates. */
export function rollupKeyText(key: RollupKey): string {
  return `${key.subscriptionId}\u0000${key.meterId}\u0000${key.resourceId}\u0000${key.bucketStart.getTime()}`;
}

/**
 * The partials that new usage adds to the hourly or daily rollups, one per subscription × meter ×
 * resource × bucket. `aggregationOf` must know every meter of `usage` (metering only yields declared meters).
 */
export function rollupChanges(
  usage: readonly MeteredUsage[],
  grain: RollupGrain,
  aggregationOf: (meterId: string) => Aggregation | `${Aggregation}`,
): RollupChange[] {
  const groups = new Map<string, MeteredUsage[]>();
  for (const u of usage) {
    const key = `${u.subscriptionId}\u0000${u.meterId}\u0000${u.resourceId ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(u);
    else groups.set(key, [u]);
  }
  const changes: RollupChange[] = [];
  for (const rows of groups.values()) {
    const { subscriptionId, meterId, resourceId } = rows[0];
    for (const bucket of rollupUsage(aggregationOf(meterId), rows, grain)) {
      changes.push({ subscriptionId, meterId, resourceId: resourceId ?? '', bucketStart: bucket.from, partial: bucket.partial });
    }
  }
  return changes;
}
