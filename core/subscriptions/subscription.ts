/**
 * A subscription's life as billing sees it. `deleted-pending` is WAP's "being deleted" (still
 * billable until it is gone); `deleted` is final and never leaves that state.
 */
export type SubscriptionState = 'active' | 'suspended' | 'deleted-pending' | 'deleted';

/** A WAP subscription (GUID) of an account to a plan. */
export interface Subscription {
  /** WAP's GUID, lower-cased: WAP compares GUIDs without case. */
  readonly id: string;
  readonly accountId: string;
  readonly planId: string | null;
  readonly name: string | null;
  readonly state: SubscriptionState;
}

/** One row of a subscription's state history: the invoicer asks "who held what, when". */
export interface StateChange {
  readonly state: SubscriptionState;
  readonly changedAt: Date;
  /** Who told us, e.g. `wap-notification`, `billing-approval`, `admin`. */
  readonly source: string;
}

/** One row of a subscription's plan history: the plan held from `changedAt` until the next row. */
export interface PlanChange {
  readonly planId: string;
  readonly changedAt: Date;
  readonly source: string;
}

/** A quota setting exactly as WAP names it; values stay strings, WAP's form. */
export interface QuotaSetting {
  readonly key: string;
  readonly value: string;
}

export function subscriptionIdOf(wapId: string): string {
  return wapId.trim().toLowerCase();
}
