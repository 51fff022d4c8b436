import { DateTime } from 'luxon';
import type { BillingPeriod } from './billing-cycle';
import { localDateOf, localMidnight } from './local-midnight';

/**
 * The period of an every-`days`-days cycle anchored on a local date, containing `instant`. Counting
 * is in local calendar days, not in 24-hour blocks, so a period keeps starting at local midnight
 * across DST changes (a week that spans one is 167 or 169 hours long).
 */
export function daySteppedPeriodAt(days: number, anchor: DateTime, zone: string, instant: Date): BillingPeriod {
  const offset = dayNumber(localDateOf(instant, zone)) - dayNumber(anchor);
  const startOffset = Math.floor(offset / days) * days;
  const start = anchor.plus({ days: startOffset });
  const end = anchor.plus({ days: startOffset + days });
  return { from: localMidnight(start.year, start.month, start.day, zone), to: localMidnight(end.year, end.month, end.day, zone) };
}

/** Days since 1970-01-01 of a local calendar date, independent of its zone's offset. */
function dayNumber(date: DateTime): number {
  return Math.round(DateTime.utc(date.year, date.month, date.day).toMillis() / 86_400_000);
}
