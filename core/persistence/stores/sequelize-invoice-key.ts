import { createHash } from 'node:crypto';
import type { BillingPeriod } from '../../billing-cycles/billing-cycle';

/** The unique key of the live invoice of (account, period): a hash, so it fits any index. */
export function liveKey(accountId: string, period: BillingPeriod): string {
  return createHash('sha256').update(`${accountId}|${period.from.toISOString()}|${period.to.toISOString()}`).digest('hex');
}
