import { DateTime } from 'luxon';
import type { BillingCycle, BillingPeriod } from '../billing-cycles/billing-cycle';
import type { Decimal } from '../money/decimal';
import type { FeeInterval } from '../rating/rate-card';

const MONTHS_PER_INTERVAL: Record<FeeInterval, number> = { monthly: 1, quarterly: 3, annual: 12 };
const MONTHS_PER_PERIOD: Partial<Record<BillingCycle['kind'], number>> = { 'calendar-monthly': 1, anniversary: 1, quarterly: 3, yearly: 12 };

/**
 * What a fixed fee of `amount` per `interval` costs for one whole period of `cycle`, unrounded.
 * Cycles that step by months count months: a quarterly 30.00 is 10.00 a month, 30.00 a quarter
 * and 120.00 a year. Cycles counted in days (weekly, every N days) take the share of the fee's
 * interval that the period covers, in local days, the interval starting where the period starts:
 * a monthly 31.00 for the week from 3 March (3 March – 3 April is 31 days) is 31.00 × 7 ÷ 31.
 */
export function feePerPeriod(amount: Decimal, interval: FeeInterval, cycle: BillingCycle, period: BillingPeriod, zone: string): Decimal {
  const intervalMonths = MONTHS_PER_INTERVAL[interval];
  const periodMonths = MONTHS_PER_PERIOD[cycle.kind];
  if (periodMonths !== undefined) return amount.times(periodMonths).div(intervalMonths);
  const start = DateTime.fromJSDate(period.from, { zone });
  const localDays = (to: DateTime) => Math.round(to.startOf('day').diff(start.startOf('day'), 'days').days);
  return amount.times(localDays(DateTime.fromJSDate(period.to, { zone }))).div(localDays(start.plus({ months: intervalMonths })));
}
