import { prorate, type ProrationUnit } from '../billing-cycles/proration';
import type { Millis } from '../billing-cycles/time-span';

/** How much of a line's span a promotion window covers, as whole counts of `unit`. */
export interface CoveredShare {
  /** The covered part of the span; null when the window misses it. */
  readonly covered: Millis | null;
  readonly coveredCount: number;
  readonly totalCount: number;
}

/**
 * The part of `span` inside `window`, counted with the proration rules of fixed fees
 * (`prorate`): by the second, or by local day where any touched day counts whole. A discount is
 * then line × covered ÷ total, so 20% off for a window covering 10 of 31 days takes
 * amount × 0.20 × 10 ÷ 31, multiplied before dividing and rounded once.
 */
export function coveredShare(window: Millis, span: Millis, unit: ProrationUnit, zone: string): CoveredShare {
  const total = prorate(toPeriod(span), zone, { activeFrom: new Date(span.from), activeTo: null, suspensions: [] }, { unit, suspendedTime: 'bill' }).total;
  const from = Math.max(window.from, span.from);
  const to = Math.min(window.to, span.to);
  if (to <= from) return { covered: null, coveredCount: 0, totalCount: total };
  const covered = { from, to };
  const count = prorate(toPeriod(span), zone, { activeFrom: new Date(from), activeTo: new Date(to), suspensions: [] }, { unit, suspendedTime: 'bill' }).billable;
  return { covered, coveredCount: count, totalCount: total };
}

function toPeriod(span: Millis): { from: Date; to: Date } {
  return { from: new Date(span.from), to: new Date(span.to) };
}
