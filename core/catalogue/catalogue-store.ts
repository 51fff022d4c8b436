import type { Subscription } from '../subscriptions/subscription';
import type { SubscriptionWrite, WriteOutcome } from '../subscriptions/subscription-store';
import type { LastEvent, Offer, PlanAddOnLink, PlanServiceLink, SubscriptionAddOn } from './catalogue';

/** A billing-feed event the store has not kept before, with its raw form. */
export interface FreshEvent {
  readonly eventId: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** What the feed told about a subscription before its owner was known (a PATCH first). */
export interface PendingSubscription {
  readonly accountAdmin?: { readonly value: string; readonly at: string };
  readonly name?: { readonly value: string | null; readonly at: string };
  readonly planId?: { readonly value: string | null; readonly at: string };
  /** Every state seen, so the history can be written in time order once the owner is known. */
  readonly states: readonly { readonly state: Subscription['state']; readonly at: string }[];
}

/** The subscription's mirror bookkeeping: the newest event applied, and what waits for an owner. */
export interface SubscriptionMark {
  readonly lastEvent: LastEvent;
  readonly pending: PendingSubscription | null;
}

/** What a page's events are about, by table: the ids the unit reads the rows of. */
export interface CataloguePageKeys {
  readonly plans?: readonly string[];
  readonly addOns?: readonly string[];
  /** Plans whose service links the events change. */
  readonly planServices?: readonly string[];
  /** Plans whose add-on links the events change. */
  readonly planAddOns?: readonly string[];
  /** Subscriptions whose add-on instances the events change. */
  readonly subscriptionAddOns?: readonly string[];
  readonly subscriptions?: readonly string[];
  /** Owners whose accounts the events may create. */
  readonly accounts?: readonly string[];
}

/**
 * The reads and writes a page may make, all inside the page's one transaction. Offers and links
 * are written whole: the caller merged the event into what `find…` returned. A read answers what
 * the page's earlier writes left, whether or not they have reached the database yet.
 */
export interface CatalogueUnit {
  /**
   * Reads at once what the page's events are about, so that a page costs a few statements a
   * table rather than a few an event. Anything not preloaded is still found when asked.
   */
  preload(keys: CataloguePageKeys): Promise<void>;
  findPlan(id: string): Promise<Offer | undefined>;
  savePlan(plan: Offer): Promise<void>;
  findAddOn(id: string): Promise<Offer | undefined>;
  saveAddOn(addOn: Offer): Promise<void>;
  findPlanService(planId: string, serviceInstanceId: string): Promise<PlanServiceLink | undefined>;
  savePlanService(link: PlanServiceLink): Promise<void>;
  findPlanAddOn(planId: string, addOnId: string): Promise<PlanAddOnLink | undefined>;
  savePlanAddOn(link: PlanAddOnLink): Promise<void>;
  findSubscriptionAddOn(subscriptionId: string, instanceId: string): Promise<SubscriptionAddOn | undefined>;
  saveSubscriptionAddOn(holding: SubscriptionAddOn): Promise<void>;

  findSubscription(id: string): Promise<Subscription | undefined>;
  /** The time of the newest state-history row, whoever wrote it: the feed must not go behind it. */
  lastStateChangeAt(id: string): Promise<Date | undefined>;
  /**
   * The subscription store's rule for a write (history rows only when the state or plan differ), in
   * this transaction; the unit may keep the rows until the page's end, answering from them meanwhile.
   */
  saveSubscription(write: SubscriptionWrite): Promise<WriteOutcome>;
  /** The account of a subscription owner, created with the defaults when new. */
  ensureAccount(accountId: string): Promise<void>;
  findSubscriptionMark(id: string): Promise<SubscriptionMark | undefined>;
  saveSubscriptionMark(id: string, mark: SubscriptionMark): Promise<void>;
}

/** Applies a page's fresh events to the mirror; runs inside the page's transaction. */
export type ApplyEvents = (unit: CatalogueUnit, fresh: readonly FreshEvent[]) => Promise<void>;

export interface CatalogueIngestOutcome {
  readonly new: number;
  readonly duplicate: number;
}

export const CatalogueStore = Symbol('CatalogueStore');
export interface CatalogueStore {
  watermark(feed: string): Promise<string>;
  /**
   * In one transaction: keeps every record of `records` not already kept under (feed, EventId) in
   * `usage_records`, hands those fresh ones to `apply`, and moves the feed's watermark forward to
   * `nextStartId`. If `apply` throws, nothing of the page is kept and the watermark stays.
   */
  ingest(feed: string, records: readonly unknown[], nextStartId: string, apply: ApplyEvents): Promise<CatalogueIngestOutcome>;
}
