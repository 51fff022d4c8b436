import { DateTime } from 'luxon';
import { InvalidBillingCycleError, type BillingCycle, type BillingPeriod } from './billing-cycle';
import { daySteppedPeriodAt } from './day-stepped-period';
import { monthSteppedPeriodAt } from './month-stepped-period';
import { validateBillingCycle } from './validate-billing-cycle';

/** A Monday, from which weekly cycles count their weeks. */
const A_MONDAY = DateTime.utc(2024, 1, 1);

/**
 * The billing period `[from, to)` that contains `instant`, for an account billed on `cycle` in the
 * IANA time zone `zone`. Bounds are local midnights returned as UTC instants, so a period that
 * spans a DST change is an hour shorter or longer than its days × 24. An instant exactly at a
 * boundary belongs to the period it starts. Throws `InvalidBillingCycleError` for a cycle or zone
 * that `validateBillingCycle` rejects.
 */
export function cyclePeriodAt(cycle: BillingCycle, zone: string, instant: Date): BillingPeriod {
  const problems = validateBillingCycle(cycle, zone);
  if (problems.length > 0) throw new InvalidBillingCycleError(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  switch (cycle.kind) {
    case 'calendar-monthly':
      return monthSteppedPeriodAt({ months: 1, anchorMonth: 1, day: 1 }, zone, instant);
    case 'anniversary':
      return monthSteppedPeriodAt({ months: 1, anchorMonth: 1, day: cycle.billCycleDay }, zone, instant);
    case 'quarterly':
      return monthSteppedPeriodAt({ months: 3, anchorMonth: cycle.startMonth ?? 1, day: cycle.billCycleDay ?? 1 }, zone, instant);
    case 'yearly':
      return monthSteppedPeriodAt({ months: 12, anchorMonth: cycle.month, day: cycle.day }, zone, instant);
    case 'weekly':
      return daySteppedPeriodAt(7, A_MONDAY.plus({ days: cycle.weekday - 1 }), zone, instant);
    case 'every-n-days':
      return daySteppedPeriodAt(cycle.days, DateTime.fromISO(cycle.anchor, { zone: 'utc' }), zone, instant);
  }
}

/** The period right after `period`: it starts where `period` ends. */
export function nextCyclePeriod(cycle: BillingCycle, zone: string, period: BillingPeriod): BillingPeriod {
  return cyclePeriodAt(cycle, zone, period.to);
}
