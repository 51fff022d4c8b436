import type { Period } from '../metering/aggregation/period';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The rollup tables, finest first. */
export type RollupTableGrain = 'hour' | 'day' | 'month';

/** One read: a span answered from one rollup table. */
export interface RollupRead extends Period {
  readonly grain: RollupTableGrain;
}

/**
 * Splits `[from, to)` so that each instant is read from exactly one rollup table, the coarsest
 * that fits: whole UTC months from the monthly rollups, the whole days around them from the daily
 * ones, the hours at the edges from the hourly ones (a bucket read twice would count twice).
 * `coarsest` caps the grain, for a series whose buckets are finer than a month. A period that
 * does not start and end on whole hours cannot be answered without splitting a bucket: RangeError.
 */
export function rollupReads(period: Period, coarsest: RollupTableGrain = 'month'): RollupRead[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to) || from % HOUR !== 0 || to % HOUR !== 0) {
    throw new RangeError('a usage period must start and end on whole UTC hours');
  }
  if (to <= from) return [];
  if (coarsest === 'hour') return [read('hour', from, to)];
  const firstDay = Math.ceil(from / DAY) * DAY;
  const lastDay = Math.floor(to / DAY) * DAY;
  if (firstDay >= lastDay) return [read('hour', from, to)];
  const reads: RollupRead[] = [];
  if (from < firstDay) reads.push(read('hour', from, firstDay));
  const firstMonth = monthStartOnOrAfter(firstDay);
  const lastMonth = monthStartOnOrBefore(lastDay);
  if (coarsest === 'month' && firstMonth < lastMonth) {
    if (firstDay < firstMonth) reads.push(read('day', firstDay, firstMonth));
    reads.push(read('month', firstMonth, lastMonth));
    if (lastMonth < lastDay) reads.push(read('day', lastMonth, lastDay));
  } else {
    reads.push(read('day', firstDay, lastDay));
  }
  if (lastDay < to) reads.push(read('hour', lastDay, to));
  return reads;
}

/** The UTC month containing `instant` (ms), as `[start, end)`. */
export function utcMonthOf(instant: number): Period {
  const t = new Date(instant);
  return { from: new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1)), to: new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1)) };
}

function monthStartOnOrBefore(instant: number): number {
  return utcMonthOf(instant).from.getTime();
}

function monthStartOnOrAfter(instant: number): number {
  const month = utcMonthOf(instant);
  return month.from.getTime() === instant ? instant : month.to.getTime();
}

function read(grain: RollupTableGrain, from: number, to: number): RollupRead {
  return { grain, from: new Date(from), to: new Date(to) };
}
