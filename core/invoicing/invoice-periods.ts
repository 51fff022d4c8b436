import { DateTime } from 'luxon';
import type { BillingCycle, BillingPeriod } from '../billing-cycles/billing-cycle';
import { cyclePeriodAt } from '../billing-cycles/cycle-period';
import { localMidnight } from '../billing-cycles/local-midnight';

const HOUR = 3_600_000;

/**
 * The period usage is totalled over: the billing period with both ends floored to whole UTC
 * hours, the finest rollup. Local midnights are whole UTC hours in almost every zone; in a
 * half-hour zone (Asia/Kolkata) both ends move back alike, so consecutive periods still tile time
 * and no usage is counted twice or lost.
 */
export function usagePeriodOf(period: BillingPeriod): BillingPeriod {
  const floor = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR);
  return { from: floor(period.from), to: floor(period.to) };
}

/** The account's period that starts in the local month `YYYY-MM` (for calendar-monthly, that month). */
export function periodStartingInMonth(cycle: BillingCycle, zone: string, month: string): BillingPeriod {
  const [year, mon] = month.split('-').map(Number);
  const first = localMidnight(year, mon, 1, zone);
  const period = cyclePeriodAt(cycle, zone, first);
  return period.from.getTime() < first.getTime() ? cyclePeriodAt(cycle, zone, period.to) : period;
}

/** The period before `period`. */
export function previousPeriod(cycle: BillingCycle, zone: string, period: BillingPeriod): BillingPeriod {
  return cyclePeriodAt(cycle, zone, new Date(period.from.getTime() - 1));
}

/** The latest period that ended at or before `instant`. */
export function lastEndedPeriod(cycle: BillingCycle, zone: string, instant: Date): BillingPeriod {
  return previousPeriod(cycle, zone, cyclePeriodAt(cycle, zone, instant));
}

/** `YYYY-MM` is a month. */
export function isMonth(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) && DateTime.fromISO(`${text}-01`).isValid;
}

export function samePeriod(a: BillingPeriod, b: BillingPeriod): boolean {
  return a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();
}

export function periodKey(period: BillingPeriod): string {
  return `${period.from.toISOString()}/${period.to.toISOString()}`;
}
