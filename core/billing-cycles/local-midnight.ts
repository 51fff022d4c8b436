import { DateTime } from 'luxon';

/**
 * The first instant of a local calendar date in `zone`. Usually local 00:00; where a DST change
 * skips midnight itself (São Paulo until 2019), luxon moves forward past the gap, which is still
 * the day's first instant.
 */
export function localMidnight(year: number, month: number, day: number, zone: string): Date {
  return DateTime.fromObject({ year, month, day }, { zone }).toJSDate();
}

/** The local calendar date of an instant in `zone`, as a luxon date at that date's midnight. */
export function localDateOf(instant: Date | number, zone: string): DateTime {
  const at = typeof instant === 'number' ? DateTime.fromMillis(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  return at.startOf('day');
}

export function daysInMonth(year: number, month: number): number {
  return DateTime.utc(year, month, 1).daysInMonth as number;
}
