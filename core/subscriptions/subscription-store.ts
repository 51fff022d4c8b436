import type { PlanChange, QuotaSetting, StateChange, Subscription } from './subscription';

export interface SubscriptionWrite {
  readonly subscription: Subscription;
  readonly at: Date;
  readonly source: string;
}

/** What a write did: the row as stored now, and whether a history row was added. */
export interface WriteOutcome {
  readonly subscription: Subscription;
  readonly stateChanged: boolean;
}

export const SubscriptionStore = Symbol('SubscriptionStore');
export interface SubscriptionStore {
  find(subscriptionId: string): Promise<Subscription | undefined>;
  /**
   * Inserts the subscription or updates its name, plan and state in one transaction. A history row
   * is added only when the state differs from the stored one, and a plan history row only when the
   * plan does, so a repeated write adds none.
   */
  save(write: SubscriptionWrite): Promise<WriteOutcome>;
  /** Oldest first. */
  history(subscriptionId: string): Promise<StateChange[]>;
  /** The plans held, oldest first; empty while WAP has named no plan. */
  planHistory(subscriptionId: string): Promise<PlanChange[]>;
  /** When each subscription of the accounts was created (its first history row), by subscription id. */
  signUpTimes(accountIds: readonly string[]): Promise<Map<string, Date>>;
  quota(subscriptionId: string): Promise<QuotaSetting[]>;
  /** Replaces the quota settings of one subscription. */
  saveQuota(subscriptionId: string, settings: readonly QuotaSetting[], at: Date): Promise<void>;
}
