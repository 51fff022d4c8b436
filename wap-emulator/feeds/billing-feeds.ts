import type { BillingFeedName } from '../contract/feeds';
import { UsageEvent, UsageEventMethod, UsageEventState } from '../contract/wap-types';
import { eventTime } from '../contract/wap-time';
import type { FeedSource } from './feed-source';

export interface CommittedChange<E> {
  Method: UsageEventMethod;
  Entity: E;
  EntityParentId: string | null;
  /** Approved when a blocking subscriber approved it, Acknowledged when none had to. */
  State: UsageEventState.Approved | UsageEventState.Acknowledged;
}

/** One committed-change log per billing feed; each numbers its events from 1 on its own. */
export class BillingFeeds {
  private readonly logs = new Map<BillingFeedName, EventLog>();

  constructor(private readonly now: () => Date) {}

  record<E>(feed: BillingFeedName, change: CommittedChange<E>, at: Date = this.now()): UsageEvent<E> {
    const log = this.feed(feed);
    const event: UsageEvent<E> = {
      EventId: log.lastEventId + 1,
      State: change.State,
      Method: change.Method,
      // A snapshot: later changes to the entity must not rewrite history already in the feed.
      Entity: structuredClone(change.Entity),
      EntityParentId: change.EntityParentId,
      NotificationEventTimeCreated: eventTime(at),
    };
    log.events.push(event);
    return event;
  }

  feed(name: BillingFeedName): EventLog {
    let log = this.logs.get(name);
    if (!log) this.logs.set(name, log = new EventLog());
    return log;
  }
}

class EventLog implements FeedSource<UsageEvent> {
  readonly events: UsageEvent[] = [];

  get lastEventId(): number { return this.events.length; }

  page(firstId: number, count: number): UsageEvent[] {
    const from = Math.max(1, firstId) - 1;
    return this.events.slice(from, from + count);
  }
}
