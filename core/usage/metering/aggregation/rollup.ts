import type { Aggregation } from '../../../plugin-api';
import type { Decimal } from '../../../money/decimal';
import { foldUsage, type AggregatedRow } from './aggregate-usage';
import { combinePartials, emptyPartial, finishPartial, type PartialAggregate } from './partial-aggregate';
import type { Period } from './period';

/** The width of a rollup bucket; buckets start on UTC hours or UTC midnights. */
export type RollupGrain = 'hour' | 'day';

const GRAIN_MILLISECONDS: Record<RollupGrain, number> = { hour: 3_600_000, day: 86_400_000 };

/** The partial of one meter (of one subscription) over one bucket `[from, to)`. */
export interface RollupBucket extends Period {
  readonly partial: PartialAggregate;
}

/**
 * Folds rows into hourly or daily buckets that hold what each bucket contributes, so that the
 * usage store can answer a month from its rollups: `totalOfRollups` over these buckets equals
 * `aggregateUsage` over the rows. Buckets without usage are left out; the result is in time order.
 */
export function rollupUsage(
  aggregation: Aggregation | `${Aggregation}`,
  rows: Iterable<AggregatedRow>,
  grain: RollupGrain,
): RollupBucket[] {
  const width = GRAIN_MILLISECONDS[grain];
  const partials = new Map<number, PartialAggregate>();
  for (const row of rows) {
    const start = row.start.getTime();
    const end = row.end.getTime();
    // A zero-length row sits in the bucket of its start; any other row in each bucket it overlaps.
    const last = end === start ? start : end - 1;
    // What a row adds to a bucket it covers wholly depends on the bucket's width alone, and
    // partials are never changed in place: a day-long row folds once for its 24 hours, not 24 times.
    let wholeBucketShare: PartialAggregate | undefined;
    for (let from = floorTo(start, width); from <= last; from += width) {
      const whole = start <= from && end >= from + width;
      const share = (whole && wholeBucketShare) || foldUsage(aggregation, [row], { from: new Date(from), to: new Date(from + width) });
      if (whole) wholeBucketShare = share;
      const held = partials.get(from);
      partials.set(from, held ? combinePartials(held, share) : share);
    }
  }
  return [...partials.keys()].sort((a, b) => a - b).map(from => bucket(from, width, partials.get(from) as PartialAggregate));
}

/** Merges finer buckets into coarser ones (hourly into daily) without the raw rows. */
export function regroupRollups(buckets: Iterable<RollupBucket>, grain: RollupGrain): RollupBucket[] {
  const width = GRAIN_MILLISECONDS[grain];
  const partials = new Map<number, PartialAggregate>();
  for (const b of buckets) {
    const from = floorTo(b.from.getTime(), width);
    if (b.to.getTime() > from + width) throw new RangeError(`a bucket from ${b.from.toISOString()} is wider than a ${grain}`);
    const held = partials.get(from);
    partials.set(from, held ? combinePartials(held, b.partial) : b.partial);
  }
  return [...partials.keys()].sort((a, b) => a - b).map(from => bucket(from, width, partials.get(from) as PartialAggregate));
}

/**
 * The billed quantity for `period` from rollup buckets alone. The period must be made of whole
 * buckets (a month in UTC from daily buckets; a month in a whole-hour time zone from hourly
 * ones): a bucket cut by the period's edge cannot be split without its rows, so it is a RangeError.
 */
export function totalOfRollups(
  aggregation: Aggregation | `${Aggregation}`,
  buckets: Iterable<RollupBucket>,
  period: Period,
): Decimal {
  const from = period.from.getTime();
  const to = period.to.getTime();
  let total = emptyPartial(aggregation);
  for (const b of buckets) {
    const bucketFrom = b.from.getTime();
    const bucketTo = b.to.getTime();
    if (bucketTo <= from || bucketFrom >= to) continue;
    if (bucketFrom < from || bucketTo > to) {
      throw new RangeError(`the bucket ${b.from.toISOString()}–${b.to.toISOString()} is cut by the period's edge`);
    }
    total = combinePartials(total, b.partial);
  }
  return finishPartial(total);
}

function floorTo(milliseconds: number, width: number): number {
  return Math.floor(milliseconds / width) * width;
}

function bucket(from: number, width: number, partial: PartialAggregate): RollupBucket {
  return { from: new Date(from), to: new Date(from + width), partial };
}
