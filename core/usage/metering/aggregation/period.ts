/** A half-open UTC interval `[from, to)`: a billing period, or one rollup bucket. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/** The interval of one metered row, as the aggregations read it. */
export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Whether a row counts in `period`. A row counts in every period its interval overlaps; a
 * zero-length row (a point-in-time reading) counts only in the period that contains its start,
 * so that it is never counted twice when it sits exactly on a boundary.
 */
export function countsIn(row: Interval, period: Period): boolean {
  const start = row.start.getTime();
  const end = row.end.getTime();
  if (start === end) return start >= period.from.getTime() && start < period.to.getTime();
  return start < period.to.getTime() && end > period.from.getTime();
}

/** Milliseconds of the row's interval that fall inside `period` (0 when they do not overlap). */
export function millisecondsInside(row: Interval, period: Period): number {
  const from = Math.max(row.start.getTime(), period.from.getTime());
  const to = Math.min(row.end.getTime(), period.to.getTime());
  return Math.max(0, to - from);
}

/** Whether the row's interval lies wholly inside `period`. */
export function liesWithin(row: Interval, period: Period): boolean {
  return row.start.getTime() >= period.from.getTime() && row.end.getTime() <= period.to.getTime() && countsIn(row, period);
}
