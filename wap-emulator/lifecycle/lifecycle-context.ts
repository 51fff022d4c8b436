import type { AdminStore } from '../admin/admin-store';
import type { BillingFeeds } from '../feeds/billing-feeds';
import type { ApprovalOutcome, BillingApproval } from '../notify/billing-approval';
import type { RpNotice, RpNotifier } from '../notify/rp-notifier';
import { UsageEventState } from '../contract/wap-types';

/** What every subscription use case needs; the generator passes a fixed `now` for repeatable feeds. */
export interface LifecycleContext {
  store: AdminStore;
  feeds: BillingFeeds;
  approval: BillingApproval;
  notifier: RpNotifier;
  now: () => Date;
}

export type Veto = Extract<ApprovalOutcome, { approved: false }>;

export type LifecycleResult<T, E extends string> =
  | { ok: true; value: T }
  | { ok: false; error: E; veto?: Veto };

export function committedState(outcome: Extract<ApprovalOutcome, { approved: true }>):
  UsageEventState.Approved | UsageEventState.Acknowledged {
  return outcome.byBlockingSubscriber ? UsageEventState.Approved : UsageEventState.Acknowledged;
}

/** An RP that fails a notification leaves the subscription out of sync, as WAP shows in its portal. */
export function rpFailureMessage(notices: readonly RpNotice[]): string | null {
  const failures = notices.filter(n => n.result.status === null || n.result.status >= 400);
  if (failures.length === 0) return null;
  return failures.map(f => `${f.provider}: ${f.result.status ?? f.result.error}`).join('; ');
}
