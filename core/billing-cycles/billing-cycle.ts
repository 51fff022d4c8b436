/** A half-open UTC interval `[from, to)`; the same shape as the usage aggregations' `Period`. */
export interface BillingPeriod {
  readonly from: Date;
  readonly to: Date;
}

/** ISO weekday, as luxon numbers them: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * How an account's time is cut into billing periods. Every period starts at local midnight in the
 * account's billing time zone. A day of month that a month lacks (29–31) falls back to the month's
 * last day, for that month only: a cycle on the 31st runs Jan 31 → Feb 28 → Mar 31 → Apr 30 → May 31.
 */
export type BillingCycle =
  /** From the 1st of each month to the 1st of the next. */
  | { readonly kind: 'calendar-monthly' }
  /** Monthly from the bill-cycle day (1–31), usually the day the subscription started. */
  | { readonly kind: 'anniversary'; readonly billCycleDay: number }
  /** Every week from local midnight on `weekday`. */
  | { readonly kind: 'weekly'; readonly weekday: Weekday }
  /** Every `days` days (1 or more) from local midnight of `anchor`, a local date `YYYY-MM-DD`; periods before the anchor exist too. */
  | { readonly kind: 'every-n-days'; readonly days: number; readonly anchor: string }
  /**
   * Every three months on `billCycleDay` (default 1), in the months `startMonth` (1–3, default 1)
   * and every third month after: 1 gives Jan/Apr/Jul/Oct, 2 gives Feb/May/Aug/Nov.
   */
  | { readonly kind: 'quarterly'; readonly startMonth?: 1 | 2 | 3; readonly billCycleDay?: number }
  /** Every year on `month`/`day`; a Feb 29 start falls back to Feb 28 in common years. */
  | { readonly kind: 'yearly'; readonly month: number; readonly day: number };

/** Thrown when a cycle or time zone that was never validated reaches the period arithmetic. */
export class InvalidBillingCycleError extends Error {
  readonly code = 'invalid_billing_cycle';
}
