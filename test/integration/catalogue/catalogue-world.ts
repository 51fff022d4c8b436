import { QueryTypes } from 'sequelize';
import { CatalogueFeedSink } from '../../../core/catalogue/catalogue-feed-sink';
import { Database } from '../../../core/persistence/database';
import { SubscriptionStore } from '../../../core/subscriptions/subscription-store';
import type { FeedIngestOutcome } from '../../../core/usage/collection/feed-sink';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { testBackend } from '../../support/test-database';

/** A billing-feed event as the Usage Service sends it (CONTRACT §6). */
export function usageEvent(eventId: number, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', entity: Record<string, unknown>, at: string, state = 0) {
  return { EventId: eventId, State: state, Method: method, Entity: entity, EntityParentId: null, NotificationEventTimeCreated: at };
}

/** Feeds pages straight into the sink, as the collector would, and reads back what they left. */
export class CatalogueWorld {
  constructor(readonly server: RunningServer) {}

  ingest(feed: string, ...events: ReturnType<typeof usageEvent>[]): Promise<FeedIngestOutcome> {
    const next = Math.max(...events.map((e) => e.EventId)) + 1;
    return this.server.container.get(CatalogueFeedSink).ingest(feed, { records: events, nextStartId: String(next) });
  }

  subscription(id: string) {
    return this.server.container.get<SubscriptionStore>(SubscriptionStore).find(id);
  }

  history(id: string) {
    return this.server.container.get<SubscriptionStore>(SubscriptionStore).history(id);
  }

  /** Every row of the catalogue's tables and the subscriptions' tables, to prove a replay changed nothing. */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const sequelize = this.server.container.get(Database).sequelize;
    const out: Record<string, unknown[]> = {};
    const tables = { plans: 'id', add_ons: 'id', plan_services: 'plan_id, service_instance_id', plan_add_ons: 'plan_id, add_on_id',
      subscription_add_ons: 'subscription_id, instance_id', subscription_feed_marks: 'subscription_id', subscriptions: 'id',
      subscription_state_changes: 'id', accounts: 'id', usage_records: 'feed, event_id', feed_watermarks: 'feed' };
    for (const [table, order] of Object.entries(tables)) {
      // A page seen again still counts as a successful pull, so only the watermark's position must stay.
      const columns = table === 'feed_watermarks' ? 'feed, next_start_id' : '*';
      out[table] = await sequelize.query(`SELECT ${columns} FROM ${table} ORDER BY ${order}`, { type: QueryTypes.SELECT });
    }
    return out;
  }
}

/** MariaDB's DATETIME (the existing history table) keeps whole seconds; the others keep milliseconds. */
export function storedInstant(iso: string): number {
  const ms = new Date(iso).getTime();
  return testBackend() === 'mariadb' ? Math.floor(ms / 1000) * 1000 : ms;
}
