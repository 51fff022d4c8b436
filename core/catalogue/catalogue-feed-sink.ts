import { inject, injectable } from 'inversify';
import { Logger } from '../logging/logger';
import type { FeedIngestOutcome, FeedPage, FeedSink } from '../usage/collection/feed-sink';
import { CATALOGUE_FEEDS, type CatalogueFeed } from './catalogue';
import { isCommitted, readCatalogueEvent, type CatalogueEvent } from './catalogue-event';
import { CatalogueStore, type CataloguePageKeys, type CatalogueUnit, type FreshEvent } from './catalogue-store';
import { applyOfferEvent, applyPlanAddOnEvent, applyPlanServiceEvent, offerPageKeys, planLinkPageKeys } from './apply-offer-event';
import { applySubscriptionAddOnEvent, subscriptionAddOnPageKeys } from './apply-subscription-add-on-event';
import { applySubscriptionEvent, subscriptionPageKeys } from './apply-subscription-event';

const APPLY: Record<CatalogueFeed, (unit: CatalogueUnit, event: CatalogueEvent) => Promise<void>> = {
  plans: (unit, event) => applyOfferEvent(unit, 'plan', event),
  addons: (unit, event) => applyOfferEvent(unit, 'addOn', event),
  planServices: applyPlanServiceEvent,
  planAddons: applyPlanAddOnEvent,
  subscriptions: applySubscriptionEvent,
  subscriptionAddons: applySubscriptionAddOnEvent,
};

/** What a page of each feed's events is about, read for the whole page before they are applied. */
const PAGE_KEYS: Record<CatalogueFeed, (events: readonly CatalogueEvent[]) => CataloguePageKeys> = {
  plans: (events) => offerPageKeys('plan', events),
  addons: (events) => offerPageKeys('addOn', events),
  planServices: (events) => planLinkPageKeys('planServices', events),
  planAddons: (events) => planLinkPageKeys('planAddOns', events),
  subscriptions: subscriptionPageKeys,
  subscriptionAddons: subscriptionAddOnPageKeys,
};

/**
 * The six `/billing/*` feeds. Each page is kept raw in `usage_records` under its feed name, its
 * fresh events applied to the catalogue mirror, and the watermark moved, in one transaction: a
 * crash anywhere resumes from the last whole page, and a repeated event is a no-op because only
 * events not kept before are applied.
 */
@injectable()
export class CatalogueFeedSink implements FeedSink {
  readonly feeds = CATALOGUE_FEEDS;

  constructor(
    @inject(CatalogueStore) private readonly store: CatalogueStore,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  watermark(feed: string): Promise<string> {
    return this.store.watermark(feed);
  }

  ingest(feed: string, page: FeedPage): Promise<FeedIngestOutcome> {
    const apply = APPLY[feed as CatalogueFeed];
    if (!apply) throw new TypeError(`'${feed}' is not a catalogue feed`);
    return this.store.ingest(feed, page.records, page.nextStartId, async (unit, fresh) => {
      const events = this.committed(feed, fresh);
      await unit.preload(PAGE_KEYS[feed as CatalogueFeed](events));
      for (const event of events) await apply(unit, event);
    });
  }

  /** In EventId order, the order WAP committed them in; unreadable and uncommitted events are skipped. */
  private committed(feed: string, fresh: readonly FreshEvent[]): CatalogueEvent[] {
    const events: CatalogueEvent[] = [];
    for (const { eventId, raw } of fresh) {
      const event = readCatalogueEvent(raw, eventId);
      if (typeof event === 'string') this.logger.warn({ feed, eventId, problem: event }, 'a billing event was kept raw but not applied');
      else if (isCommitted(event)) events.push(event);
    }
    return events.sort((a, b) => (BigInt(a.eventId) < BigInt(b.eventId) ? -1 : BigInt(a.eventId) > BigInt(b.eventId) ? 1 : 0));
  }
}
