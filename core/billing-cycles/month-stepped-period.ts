import { DateTime } from 'luxon';
import type { BillingPeriod } from './billing-cycle';
import { daysInMonth, localMidnight } from './local-midnight';

/** Calendar-monthly, anniversary, quarterly and yearly cycles are one shape: every `months` months on `day`. */
export interface MonthStep {
  /** Length of a period in months: 1, 3 or 12. */
  readonly months: number;
  /** A month (1–12) in which periods start; the others follow every `months` months. */
  readonly anchorMonth: number;
  /** Day of month (1–31) periods start on, clamped to each month's length. */
  readonly day: number;
}

/** The period of a month-stepped cycle that contains `instant`. */
export function monthSteppedPeriodAt(step: MonthStep, zone: string, instant: Date): BillingPeriod {
  const local = DateTime.fromJSDate(instant, { zone });
  const monthIndex = local.year * 12 + (local.month - 1);
  // the latest month in which a period starts, at or before the instant's local month
  let startIndex = monthIndex - modulo(monthIndex - (step.anchorMonth - 1), step.months);
  // the instant may lie before that month's start day (the 10th, with a cycle on the 15th)
  if (startOfMonthIndex(step, startIndex, zone).getTime() > instant.getTime()) startIndex -= step.months;
  return { from: startOfMonthIndex(step, startIndex, zone), to: startOfMonthIndex(step, startIndex + step.months, zone) };
}

function startOfMonthIndex(step: MonthStep, monthIndex: number, zone: string): Date {
  const year = Math.floor(monthIndex / 12);
  const month = modulo(monthIndex, 12) + 1;
  return localMidnight(year, month, Math.min(step.day, daysInMonth(year, month)), zone);
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
