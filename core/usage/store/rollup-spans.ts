import type { Period } from '../metering/aggregation/period';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Which rollup table answers which part of a period. */
export interface RollupSpans {
  /** Whole UTC days, read from the daily rollups; undefined when the period holds none. */
  readonly days: Period | undefined;
  /** The hours before the first and after the last whole day, read from the hourly rollups. */
  readonly hours: readonly Period[];
}

/**
 * Splits `[from, to)` so that each instant is read from exactly one rollup table: a bucket read
 * twice would count its usage twice. A period that does not start and end on whole hours cannot be
 * answered from rollups without splitting a bucket, so it is a RangeError.
 */
export function rollupSpans(period: Period): RollupSpans {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to) || from % HOUR !== 0 || to % HOUR !== 0) {
    throw new RangeError('a usage period must start and end on whole UTC hours');
  }
  if (to <= from) return { days: undefined, hours: [] };
  const firstDay = Math.ceil(from / DAY) * DAY;
  const lastDay = Math.floor(to / DAY) * DAY;
  if (firstDay >= lastDay) return { days: undefined, hours: [{ from: period.from, to: period.to }] };
  const hours: Period[] = [];
  if (from < firstDay) hours.push({ from: period.from, to: new Date(firstDay) });
  if (lastDay < to) hours.push({ from: new Date(lastDay), to: period.to });
  return { days: { from: new Date(firstDay), to: new Date(lastDay) }, hours };
}
