import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { PlanInterval } from '../subscriptions/plan-intervals';

/** A subscription's billing state over an interval; WAP's "being deleted" counts as active (still billable). */
export type HoldingState = 'active' | 'suspended' | 'deleted';

/** A plan held over `[from, to)`, clipped to the period asked; `to` is the period's end while it still runs. */
export type { PlanInterval };

/** An add-on held over `[from, to)`, clipped to the period and to the subscription's life. */
export interface AddOnInterval {
  readonly addOnId: string;
  readonly from: Date;
  readonly to: Date;
}

export interface StateInterval {
  readonly state: HoldingState;
  readonly from: Date;
  readonly to: Date;
}

/** Who held what, when, inside one period. */
export interface Holding {
  readonly subscriptionId: string;
  readonly accountId: string;
  /** Plans held; empty when the subscription names no plan. */
  readonly plans: readonly PlanInterval[];
  /** Add-ons held (from WAP's billing feeds), each priced by a rate card of kind `add-on`. */
  readonly addOns: readonly AddOnInterval[];
  /** Sorted, not overlapping; time before the subscription existed is absent. */
  readonly states: readonly StateInterval[];
}

/** What the subscriptions of some accounts held over time, read at once: answers for any period without a query. */
export interface HoldingsOfAccounts {
  /** As `BillableHoldings.subscriptionsOf`, for one of the accounts read. */
  subscriptionsOf(accountId: string, period: BillingPeriod): string[];
  /** As `BillableHoldings.during`, for a subscription of one of the accounts read. */
  during(subscriptionId: string, period: BillingPeriod): Holding | undefined;
}

/**
 * The invoicer's view of subscriptions over time: the plan history (WAP may move a subscription
 * to another plan mid-period), the state history, and the add-ons from the catalogue mirror.
 */
export const BillableHoldings = Symbol('BillableHoldings');
export interface BillableHoldings {
  /** Every account that holds or held a subscription: those the invoice run visits. */
  accountIds(): Promise<string[]>;
  /** Subscriptions of the account that existed at some time in the period, sorted. */
  subscriptionsOf(accountId: string, period: BillingPeriod): Promise<string[]>;
  /** What the subscription held during the period; undefined for an unknown subscription. */
  during(subscriptionId: string, period: BillingPeriod): Promise<Holding | undefined>;
  /** Everything the accounts' subscriptions held, in a few queries: an invoice run reads hundreds of accounts at once. */
  ofAccounts(accountIds: readonly string[]): Promise<HoldingsOfAccounts>;
}
