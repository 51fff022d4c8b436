import type { Period } from '../metering/aggregation/period';
import type { SeriesGrain } from './usage-query';

/**
 * The UTC hour, day or month containing `instant`, clipped to `period`: the first and last buckets
 * of a series that does not start on a boundary cover only the part of them that was asked for.
 */
export function bucketOf(instant: Date, grain: SeriesGrain, period: Period): Period {
  const t = instant;
  const start =
    grain === 'hour'
      ? Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours())
      : grain === 'day'
        ? Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate())
        : Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1);
  const end =
    grain === 'hour'
      ? start + 3_600_000
      : grain === 'day'
        ? start + 86_400_000
        : Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1);
  return {
    from: new Date(Math.max(start, period.from.getTime())),
    to: new Date(Math.min(end, period.to.getTime())),
  };
}
