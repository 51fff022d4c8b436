/** The six Usage Service feeds that describe WAP's catalogue and who subscribed to it (CONTRACT §5). */
export const CATALOGUE_FEEDS = ['plans', 'planServices', 'planAddons', 'addons', 'subscriptions', 'subscriptionAddons'] as const;
export type CatalogueFeed = (typeof CATALOGUE_FEEDS)[number];

/** Marks the source of history rows written from the feeds, beside `wap-notification` and `admin`. */
export const BILLING_FEED_SOURCE = 'wap-billing-feed';

/** When the mirror last heard about an entity; an event older than this never overrides it. */
export interface LastEvent {
  /** The feed's EventId as a decimal string: a .NET long may exceed 2^53. */
  readonly eventId: string;
  readonly at: Date;
}

/**
 * A plan or an add-on, keyed by WAP's own id. `state` is WAP's number as sent: the contract names
 * no values for it, so translating it here would be a guess. Null fields were never told yet (a
 * PATCH that arrived before the entity's POST).
 */
export interface Offer {
  readonly id: string;
  readonly displayName: string | null;
  readonly state: number | null;
  /** A DELETE event's time; the row stays so that old invoices still find the name. */
  readonly deletedAt: Date | null;
  readonly lastEvent: LastEvent;
}

/** A service a plan offers (`planServices` feed); `removedAt` is set by a DELETE. */
export interface PlanServiceLink {
  readonly planId: string;
  readonly serviceInstanceId: string;
  readonly serviceName: string | null;
  readonly serviceDisplayName: string | null;
  readonly removedAt: Date | null;
  readonly lastEvent: LastEvent;
}

/** An add-on a plan offers (`planAddons` feed). */
export interface PlanAddOnLink {
  readonly planId: string;
  readonly addOnId: string;
  readonly removedAt: Date | null;
  readonly lastEvent: LastEvent;
}

/**
 * One add-on instance on one subscription, valid over `[addedAt, removedAt)`. `addedAt` is null
 * while only the removal is known (its add event has not been collected yet).
 */
export interface SubscriptionAddOn {
  readonly subscriptionId: string;
  /** WAP's AddOnInstanceId, lower-cased: the same add-on may be held twice under two instances. */
  readonly instanceId: string;
  readonly addOnId: string;
  readonly addedAt: Date | null;
  readonly removedAt: Date | null;
  readonly lastEvent: LastEvent;
}
