/** What a WAP billing event is about: section 6's `/subscriptions` and `/subscriptionAddons` calls. */
export type BillingEntity = 'subscription' | 'subscription-addon';
/** The change the event describes (not the HTTP verb WAP used to send it). */
export type BillingMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A change WAP holds in PendingApproval until we answer. */
export interface BillingEvent {
  /** WAP's EventId as a decimal string: a .NET long, beyond a JavaScript number's exact range. */
  readonly eventId: string;
  readonly entity: BillingEntity;
  readonly method: BillingMethod;
  readonly subscriptionId: string;
  /** The account admin's WAP user name, when the entity names one. */
  readonly accountAdmin: string | null;
  readonly planId: string | null;
}

export type Verdict = 'approved' | 'rejected';

/** The answer we gave, kept so that the same event asked again gets the same answer. */
export interface BillingDecision {
  readonly eventId: string;
  readonly entity: BillingEntity;
  readonly method: BillingMethod;
  readonly subscriptionId: string;
  readonly accountId: string | null;
  readonly verdict: Verdict;
  /** Why we rejected, or a note on an approval (e.g. a connector that did not answer); null otherwise. */
  readonly reason: string | null;
  readonly decidedAt: Date;
}
