import { DateTime } from 'luxon';
import { Decimal } from '../money/decimal';
import type { BillingPeriod } from './billing-cycle';
import { clip, subtract, type Millis, type TimeSpan } from './time-span';

/**
 * The unit proration counts in. `second`: exact elapsed seconds, so a DST day weighs 23 or 25
 * hours. `day`: local calendar days in the billing zone, each weighing the same, and any part of a
 * day counts as the whole day (a subscription created at 23:00 pays for that day), which matches
 * how hosters quote "per day" and keeps the count independent of the hour of a change.
 */
export type ProrationUnit = 'second' | 'day';

/**
 * Whether time a subscription spent suspended is billed. `bill`: suspension for non-payment keeps
 * the tenant's resources allocated, so the fee runs on. `do-not-bill`: the suspended time comes off
 * (an admin suspension the tenant is not to pay for).
 */
export type SuspendedTimeRule = 'bill' | 'do-not-bill';

export interface ProrationRules {
  readonly unit: ProrationUnit;
  readonly suspendedTime: SuspendedTimeRule;
}

/** When a subscription held its plan or add-on. */
export interface BillableTime {
  /** When it became active (created, or the add-on added). */
  readonly activeFrom: Date;
  /** When it stopped (deleted, the add-on removed); null while it still runs. */
  readonly activeTo: Date | null;
  /** Suspended intervals; overlaps between them are harmless. */
  readonly suspensions: readonly TimeSpan[];
}

/** The billable share of one period, as whole counts so a fee is prorated without a rounded fraction. */
export interface Proration {
  readonly unit: ProrationUnit;
  /** Whole seconds or local days billable in the period. */
  readonly billable: number;
  /** Whole seconds or local days in the period (a March in Berlin has 2 674 800 seconds, 31 days). */
  readonly total: number;
  /** billable ÷ total, exact to 40 significant digits; 1 for a whole period. */
  readonly fraction: Decimal;
}

/**
 * The fraction of `period` a subscription was billable, in `zone` (the account's billing time zone).
 * By the second, a partial second at either end of a billable interval counts as a whole second;
 * by the day, a local day touched by any billable time counts as a whole day, even when the rest
 * of it was suspended.
 */
export function prorate(period: BillingPeriod, zone: string, time: BillableTime, rules: ProrationRules): Proration {
  const window: Millis = { from: period.from.getTime(), to: period.to.getTime() };
  const active = clip({ from: time.activeFrom, to: time.activeTo }, window);
  let billable: Millis[] = active === null ? [] : [active];
  if (rules.suspendedTime === 'do-not-bill') {
    billable = subtract(billable, time.suspensions.map((s) => clip(s, window)).filter((s): s is Millis => s !== null));
  }
  const count = rules.unit === 'second' ? wholeSeconds : (spans: readonly Millis[]) => localDays(spans, zone);
  const total = count([window]);
  const billed = count(billable);
  return { unit: rules.unit, billable: billed, total, fraction: new Decimal(billed).div(total) };
}

function wholeSeconds(spans: readonly Millis[]): number {
  const rounded = spans.map((s) => ({ from: Math.floor(s.from / 1000), to: Math.ceil(s.to / 1000) }));
  let seconds = 0;
  let reached = -Infinity;
  // rounding out can make neighbours overlap by a second; count each second once
  for (const s of rounded) {
    const from = Math.max(s.from, reached);
    if (s.to > from) seconds += s.to - from;
    reached = Math.max(reached, s.to);
  }
  return seconds;
}

function localDays(spans: readonly Millis[], zone: string): number {
  const days = new Set<string>();
  for (const span of spans) {
    let day = DateTime.fromMillis(span.from, { zone }).startOf('day');
    const last = DateTime.fromMillis(span.to - 1, { zone }).startOf('day');
    while (day <= last) {
      days.add(day.toISODate() as string);
      day = day.plus({ days: 1 });
    }
  }
  return days.size;
}
