import { DateTime } from 'luxon';
import type { BillingCycle } from './billing-cycle';
import { isIanaZone } from './iana-zone';

/** One problem of a billing cycle or time zone, naming the field. */
export interface BillingCycleProblem {
  readonly field: string;
  readonly message: string;
}

/** Every problem of an account's cycle and billing time zone; empty when periods can be computed. */
export function validateBillingCycle(cycle: BillingCycle, zone: string): BillingCycleProblem[] {
  const found: BillingCycleProblem[] = [];
  if (!isIanaZone(zone)) found.push({ field: 'timeZone', message: `'${zone}' is not an IANA time zone` });
  const within = (field: string, value: unknown, low: number, high: number): void => {
    if (!Number.isInteger(value) || (value as number) < low || (value as number) > high) {
      found.push({ field, message: `Must be a whole number from ${low} to ${high}` });
    }
  };
  switch (cycle.kind) {
    case 'calendar-monthly':
      break;
    case 'anniversary':
      within('billCycleDay', cycle.billCycleDay, 1, 31);
      break;
    case 'weekly':
      within('weekday', cycle.weekday, 1, 7);
      break;
    case 'every-n-days':
      within('days', cycle.days, 1, 3660);
      if (!DateTime.fromISO(cycle.anchor ?? '', { zone: 'utc' }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(cycle.anchor)) {
        found.push({ field: 'anchor', message: 'A local date YYYY-MM-DD is needed' });
      }
      break;
    case 'quarterly':
      if (cycle.startMonth !== undefined) within('startMonth', cycle.startMonth, 1, 3);
      if (cycle.billCycleDay !== undefined) within('billCycleDay', cycle.billCycleDay, 1, 31);
      break;
    case 'yearly':
      within('month', cycle.month, 1, 12);
      // 29 stays allowed for February: it falls back to the 28th in common years
      if (Number.isInteger(cycle.month) && cycle.month >= 1 && cycle.month <= 12) {
        within('day', cycle.day, 1, DateTime.utc(2024, cycle.month, 1).daysInMonth as number);
      }
      break;
    default:
      found.push({ field: 'kind', message: `Unknown cycle kind '${(cycle as { kind: unknown }).kind}'` });
  }
  return found;
}
