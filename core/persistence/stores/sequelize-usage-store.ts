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
import { bulkRowsFor } from './bulk-rows/bulk-rows';

const USAGE_RECORD_COLUMNS = ['feed', 'event_id', 'subscription_id', 'provider_name', 'payload', 'received_at', 'resource_id', 'start_time', 'end_time', 'metered'];
const QUARANTINE_COLUMNS = ['feed', 'event_id', 'reason', 'quarantined_at', 'released_at'];

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
      const bulk = bulkRowsFor(this.database, transaction);
      await bulk.insert('usage_records', USAGE_RECORD_COLUMNS, fresh.map(({ eventId, record }) => [
        feed,
        eventId,
        typeof record.SubscriptionId === 'string' ? record.SubscriptionId.toLowerCase().slice(0, 64) : null,
        typeof record.ProviderName === 'string' ? record.ProviderName.slice(0, 128) : null,
        JSON.stringify(record),
        now,
        typeof record.ResourceId === 'string' ? record.ResourceId.slice(0, 256) : null,
        validDate(parseWapTime(record.StartTime)),
        validDate(parseWapTime(record.EndTime)),
        // A metered record without quantities keeps '[]': null means "not metered" (quarantined).
        meteredIds.has(eventId) ? (meteredOf.get(eventId) ?? '[]') : null,
      ]));
      await bulk.insert('quarantined_records', QUARANTINE_COLUMNS, metered.quarantined.map((q) => [feed, q.eventId, q.reason, now, null]));
      await this.rollups.add(metered.usage, transaction, bulk);
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
