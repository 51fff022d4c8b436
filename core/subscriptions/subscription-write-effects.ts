import type { Subscription } from './subscription';

/** What one write does to the stored rows, given the row before it. */
export interface SubscriptionWriteEffects {
  /** The subscription row: created, changed, or left as it is (a repeated write). */
  readonly row: 'insert' | 'update' | 'none';
  /** The state history gains a row. */
  readonly stateChanged: boolean;
  /** The plan history gains a row: the write names a plan other than the one held. */
  readonly planChanged: boolean;
}

/**
 * The rule every writer of subscriptions follows (the store's own write and the catalogue feed's
 * page-at-a-time write), so that a history row is added only when the state or the plan differs,
 * and a repeated write changes nothing. A write that names no plan adds no plan history.
 */
export function subscriptionWriteEffects(before: Subscription | undefined, after: Subscription): SubscriptionWriteEffects {
  const differs = (held: Subscription) => held.planId !== after.planId || held.name !== after.name || held.state !== after.state || held.accountId !== after.accountId;
  return {
    row: !before ? 'insert' : differs(before) ? 'update' : 'none',
    stateChanged: before?.state !== after.state,
    planChanged: after.planId !== null && before?.planId !== after.planId,
  };
}
