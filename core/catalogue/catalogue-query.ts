import type { SubscriptionState } from '../subscriptions/subscription';
import type { Offer, PlanServiceLink, SubscriptionAddOn } from './catalogue';

/** A plan with what it offers now (links removed by a DELETE left out). */
export interface PlanView extends Offer {
  readonly services: readonly Pick<PlanServiceLink, 'serviceInstanceId' | 'serviceName' | 'serviceDisplayName'>[];
  readonly addOnIds: readonly string[];
}

export interface SubscriptionListItem {
  readonly id: string;
  readonly accountId: string;
  readonly planId: string | null;
  readonly planName: string | null;
  readonly name: string | null;
  readonly state: SubscriptionState;
}

export interface Paging {
  readonly offset: number;
  readonly limit: number;
}

/** Reads of the catalogue mirror for admins and the invoicer. */
export const CatalogueQuery = Symbol('CatalogueQuery');
export interface CatalogueQuery {
  /** Every plan ever seen, deleted ones included (with `deletedAt`), by id. */
  plans(): Promise<PlanView[]>;
  addOns(): Promise<Offer[]>;
  findPlan(id: string): Promise<Offer | undefined>;
  /** Ordered by id, so that pages are stable while the collector adds rows. */
  subscriptions(paging: Paging): Promise<{ items: SubscriptionListItem[]; total: number }>;
  /** Every add-on instance the subscription ever held, with its interval. */
  subscriptionAddOns(subscriptionId: string): Promise<SubscriptionAddOn[]>;
}
