import { Money } from '../money/money';
import type { Proration } from './proration';

/**
 * A fixed fee for the billable share of one period: fee × billable ÷ total, unrounded (the
 * invoice line rounds once). Multiplying before dividing keeps the result exact whenever it can
 * be: 30.00 × 10 ÷ 30 is exactly 10, where 30.00 × 0.333… would give 9.999….
 */
export function prorateFixedFee(fee: Money, proration: Proration): Money {
  if (proration.total === 0) throw new RangeError('An empty period cannot be prorated');
  return Money.of(fee.amount.times(proration.billable).div(proration.total), fee.currency);
}
