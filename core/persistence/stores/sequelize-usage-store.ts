import { inject, injectable } from 'inversify';
import { Clock } from '../../time/clock';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { meterRecords } from '../../usage/store/meter-records';
import { eventIdOf, parseWapTime, type RawUsageRecord } from '../../usage/store/raw-usage-record';
import { meteredColumns } from '../../usage/store/metered-column';
import { type IngestOutcome, type UsagePage, type UsageStore } from '../../usage/store/usage-store';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { advanceWatermark, readWatermark, storedEventIds } from './sequelize-feed-watermarks';
import { insertRows } from './sequelize-usage-sql';

@injectable()
export class SequelizeUsageStore implements UsageStore {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async ingest(feed: string, page: UsagePage): Promise<IngestOutcome> {
    if (!/^\d{1,19}$/.test(page.nextStartId)) throw new TypeError(`nextStartId must be a whole number, not ${JSON.stringify(page.nextStartId)}`);
    const unique = new Map<string, RawUsageRecord>();
    for (const record of page.records) {
      const eventId = eventIdOf(record);
      if (eventId === undefined) throw new TypeError(`a ${feed} record has no whole-number EventId: ${JSON.stringify(record.EventId)}`);
      if (!unique.has(eventId)) unique.set(eventId, record);
    }
    const meter = new MeterUsageRecord(this.meters.active());
    return this.database.sequelize.transaction(async (transaction) => {
      const stored = await storedEventIds(this.database, feed, [...unique.keys()], transaction);
      const fresh = [...unique].filter(([eventId]) => !stored.has(eventId)).map(([eventId, record]) => ({ eventId, record }));
      const now = this.clock.now();
      const metered = meterRecords(fresh, meter);
      const meteredOf = meteredColumns(metered.usage);
      const meteredIds = new Set(metered.meteredEventIds);
      await insertRows(this.database.sequelize, 'usage_records', fresh.map(({ eventId, record }) => ({
        feed,
        event_id: eventId,
        subscription_id: typeof record.SubscriptionId === 'string' ? record.SubscriptionId.toLowerCase().slice(0, 64) : null,
        provider_name: typeof record.ProviderName === 'string' ? record.ProviderName.slice(0, 128) : null,
        payload: JSON.stringify(record),
        received_at: now,
        resource_id: typeof record.ResourceId === 'string' ? record.ResourceId.slice(0, 256) : null,
        start_time: validDate(parseWapTime(record.StartTime)),
        end_time: validDate(parseWapTime(record.EndTime)),
        // A metered record without quantities keeps '[]': null means "not metered" (quarantined).
        metered: meteredIds.has(eventId) ? (meteredOf.get(eventId) ?? '[]') : null,
      })), transaction);
      await insertRows(this.database.sequelize, 'quarantined_records', metered.quarantined.map((q) => ({
        feed, event_id: q.eventId, reason: q.reason, quarantined_at: now, released_at: null,
      })), transaction);
      await this.rollups.add(metered.usage, transaction);
      await advanceWatermark(this.database, feed, page.nextStartId, now, transaction);
      return {
        new: fresh.length,
        duplicate: page.records.length - fresh.length,
        metered: metered.meteredEventIds.length,
        quarantined: metered.quarantined.length,
      };
    });
  }

  watermark(feed: string): Promise<string> {
    return readWatermark(this.database, feed);
  }
}

function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
