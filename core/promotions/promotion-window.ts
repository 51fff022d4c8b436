import { DateTime } from 'luxon';
import { cyclePeriodAt, nextCyclePeriod } from '../billing-cycles/cycle-period';
import type { ProrationUnit } from '../billing-cycles/proration';
import type { Millis } from '../billing-cycles/time-span';
import type { InvoiceContext } from './line-adjuster';
import type { PromotionValidity } from './promotion';

const DAY_MS = 86_400_000;

/** Where in time a promotion holds for one subscription, and how to say which part of it a line got. */
export interface PromotionWindow {
  readonly span: Millis;
  /** The unit the covered share of a line is counted in. */
  readonly unit: ProrationUnit;
  /** Why a line covering `covered` (a part of `span`) is discounted: `"day 1–14 of 14"`. */
  explain(covered: Millis): string;
}

/**
 * The window of `validity` for a subscription whose promotion started at `start` (its sign-up, or
 * the coupon's redemption if later); null when it cannot apply to this invoice at all.
 */
export function promotionWindow(validity: PromotionValidity, start: Date, context: InvoiceContext): PromotionWindow | null {
  switch (validity.kind) {
    case 'recurring':
      return {
        span: { from: validity.from.getTime(), to: validity.until?.getTime() ?? Number.POSITIVE_INFINITY },
        // Dates of a running promotion are instants chosen by an admin; counting them by the day
        // would give a promotion starting at noon the whole day.
        unit: 'second',
        explain: () => `recurring from ${isoDate(validity.from, context.zone)}${validity.until ? ` until ${isoDate(validity.until, context.zone)}` : ''}`,
      };
    case 'days':
      return daysWindow(validity.days, validity.unit, start, context.zone);
    case 'cycles':
      return cyclesWindow(validity.cycles, start, context);
    case 'first-invoice':
      return context.invoiceSequence === 1
        ? { span: { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY }, unit: 'second', explain: () => 'sign-up discount: first invoice' }
        : null;
  }
}

function daysWindow(days: number, unit: ProrationUnit, start: Date, zone: string): PromotionWindow {
  // By the day, the sign-up's local day is day 1 whatever the hour, so the window is whole local
  // days and a day is never both free and charged; by the second it is exactly days × 24 h.
  const from = unit === 'day' ? DateTime.fromJSDate(start, { zone }).startOf('day') : DateTime.fromJSDate(start, { zone: 'utc' });
  const to = unit === 'day' ? from.plus({ days }) : from.plus({ milliseconds: days * DAY_MS });
  const dayNumber = (instant: number) =>
    unit === 'day'
      ? Math.floor(DateTime.fromMillis(instant, { zone }).startOf('day').diff(from, 'days').days + 1e-9) + 1
      : Math.floor((instant - from.toMillis()) / DAY_MS) + 1;
  return {
    span: { from: from.toMillis(), to: to.toMillis() },
    unit,
    explain: (covered) => `day ${dayNumber(covered.from)}–${dayNumber(covered.to - 1)} of ${days}`,
  };
}

function cyclesWindow(cycles: number, start: Date, context: InvoiceContext): PromotionWindow | null {
  if (cycles < 1) return null;
  const first = cyclePeriodAt(context.cycle, context.zone, start);
  let last = first;
  const starts = [first.from.getTime()];
  for (let i = 1; i < cycles; i++) {
    last = nextCyclePeriod(context.cycle, context.zone, last);
    starts.push(last.from.getTime());
  }
  const cycleOf = (instant: number) => starts.filter((s) => s <= instant).length;
  return {
    span: { from: first.from.getTime(), to: last.to.getTime() },
    unit: 'second',
    explain: (covered) => `cycle ${cycleOf(covered.from)} of ${cycles}`,
  };
}

function isoDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() as string;
}
