/** Failures the subscription use cases report; the resource provider maps each to a WAP error. */
export type SubscriptionError =
  | 'subscription_not_found'
  /** The id is known under another account: one tenant's call must never change another's subscription. */
  | 'subscription_owned_by_another_account'
  /** Deletion is final: WAP never revives a deleted GUID, so a later write is a mistake, not news. */
  | 'subscription_deleted';
