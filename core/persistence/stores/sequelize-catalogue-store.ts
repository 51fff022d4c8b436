import { inject, injectable } from 'inversify';
import { AccountDefaults } from '../../accounts/account-defaults';
import type { ApplyEvents, CatalogueIngestOutcome, CatalogueStore, FreshEvent } from '../../catalogue/catalogue-store';
import { Clock } from '../../time/clock';
// Only its EventId is read: a billing event numbers itself the same way a usage record does.
import { eventIdOf, type RawUsageRecord } from '../../usage/store/raw-usage-record';
import { Database } from '../database';
import { SequelizeCatalogueUnit } from './sequelize-catalogue-unit';
import { advanceWatermark, readWatermark, storedEventIds } from './sequelize-feed-watermarks';
import { insertRows } from './sequelize-usage-sql';

@injectable()
export class SequelizeCatalogueStore implements CatalogueStore {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(AccountDefaults) private readonly accountDefaults: AccountDefaults,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  watermark(feed: string): Promise<string> {
    return readWatermark(this.database, feed);
  }

  async ingest(feed: string, records: readonly unknown[], nextStartId: string, apply: ApplyEvents): Promise<CatalogueIngestOutcome> {
    if (!/^\d{1,19}$/.test(nextStartId)) throw new TypeError(`nextStartId must be a whole number, not ${JSON.stringify(nextStartId)}`);
    const unique = new Map<string, Record<string, unknown>>();
    for (const record of records) {
      const eventId = eventIdOf(record as RawUsageRecord);
      if (eventId === undefined) throw new TypeError(`a ${feed} event has no whole-number EventId: ${JSON.stringify((record as { EventId?: unknown }).EventId)}`);
      if (!unique.has(eventId)) unique.set(eventId, record as Record<string, unknown>);
    }
    return this.database.sequelize.transaction(async (transaction) => {
      const stored = await storedEventIds(this.database, feed, [...unique.keys()], transaction);
      const fresh: FreshEvent[] = [...unique].filter(([eventId]) => !stored.has(eventId)).map(([eventId, raw]) => ({ eventId, raw }));
      const now = this.clock.now();
      await insertRows(this.database.sequelize, 'usage_records', fresh.map(({ eventId, raw }) => ({
        feed,
        event_id: eventId,
        subscription_id: subscriptionIdIn(feed, raw),
        provider_name: null,
        payload: JSON.stringify(raw),
        received_at: now,
      })), transaction);
      const unit = new SequelizeCatalogueUnit(this.database, transaction, this.accountDefaults, now);
      await apply(unit, fresh);
      await unit.flush();
      await advanceWatermark(this.database, feed, nextStartId, now, transaction);
      return { new: fresh.length, duplicate: records.length - fresh.length };
    });
  }
}

/** Lets an admin find every raw event about one subscription, as for usage records. */
function subscriptionIdIn(feed: string, raw: Record<string, unknown>): string | null {
  const entity = (raw.Entity ?? {}) as Record<string, unknown>;
  const id = feed === 'subscriptions' ? (entity.SubscriptionID ?? entity.SubscriptionId) : feed === 'subscriptionAddons' ? (entity.SubscriptionId ?? raw.EntityParentId) : undefined;
  return typeof id === 'string' ? id.trim().toLowerCase().slice(0, 64) : null;
}
