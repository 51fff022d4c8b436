import type { BillingCycle, BillingPeriod } from '../../../core/billing-cycles/billing-cycle';
import { cyclePeriodAt, nextCyclePeriod } from '../../../core/billing-cycles/cycle-period';

/** A period as `from → to` in UTC ISO form, so a failure shows both bounds. */
export const text = (period: BillingPeriod): string => `${period.from.toISOString()} → ${period.to.toISOString()}`;

export const periodAt = (cycle: BillingCycle, zone: string, instant: string): BillingPeriod => cyclePeriodAt(cycle, zone, new Date(instant));

export const hours = (period: BillingPeriod): number => (period.to.getTime() - period.from.getTime()) / 3_600_000;

/** `count` consecutive periods from the one containing `instant`. */
export function periodsFrom(cycle: BillingCycle, zone: string, instant: string, count: number): string[] {
  const periods = [periodAt(cycle, zone, instant)];
  while (periods.length < count) periods.push(nextCyclePeriod(cycle, zone, periods[periods.length - 1]));
  return periods.map(text);
}
