import { inject, injectable } from 'inversify';
import type { Transaction } from 'sequelize';
import { Clock } from '../../time/clock';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { meterRecords } from '../../usage/store/meter-records';
import { eventIdOf, parseWapTime, type RawUsageRecord } from '../../usage/store/raw-usage-record';
import { meteredColumns } from '../../usage/store/metered-column';
import { FIRST_START_ID, type IngestOutcome, type UsagePage, type UsageStore } from '../../usage/store/usage-store';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { bigintAsText, chunks, insertRows, readBigint, select } from './sequelize-usage-sql';

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
      const stored = await this.storedEventIds(feed, [...unique.keys()], transaction);
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
      await this.advanceWatermark(feed, page.nextStartId, now, transaction);
      return {
        new: fresh.length,
        duplicate: page.records.length - fresh.length,
        metered: metered.meteredEventIds.length,
        quarantined: metered.quarantined.length,
      };
    });
  }

  async watermark(feed: string): Promise<string> {
    const [row] = await select<{ next_start_id: string | number }>(
      this.database.sequelize, `SELECT ${bigintAsText(this.database.dialect, 'next_start_id', 'next_start_id')} FROM feed_watermarks WHERE feed = :feed`, undefined, { feed },
    );
    return row ? readBigint(row.next_start_id) : FIRST_START_ID;
  }

  /** One query per chunk of EventIds, never one per record. */
  private async storedEventIds(feed: string, eventIds: readonly string[], transaction: Transaction): Promise<Set<string>> {
    const sequelize = this.database.sequelize;
    const stored = new Set<string>();
    for (const ids of chunks(eventIds)) {
      const rows = await select<{ event_id: string | number }>(
        sequelize,
        // EventIds are checked digit strings; unquoted, MariaDB compares them as integers, not doubles.
        `SELECT ${bigintAsText(this.database.dialect, 'event_id', 'event_id')} FROM usage_records WHERE feed = :feed AND event_id IN (${ids.join(', ')})`,
        transaction,
        { feed },
      );
      for (const row of rows) stored.add(readBigint(row.event_id));
    }
    return stored;
  }

  /** Moves the watermark forward only: a page replayed from an older pull must not rewind it. */
  private async advanceWatermark(feed: string, nextStartId: string, now: Date, transaction: Transaction): Promise<void> {
    const sequelize = this.database.sequelize;
    const [row] = await select<{ next_start_id: string | number }>(
      sequelize, `SELECT ${bigintAsText(this.database.dialect, 'next_start_id', 'next_start_id')} FROM feed_watermarks WHERE feed = :feed`, transaction, { feed },
    );
    if (!row) {
      await insertRows(sequelize, 'feed_watermarks', [{
        feed, next_start_id: nextStartId, last_success_at: now, last_error: null, last_error_at: null,
      }], transaction);
      return;
    }
    const next = BigInt(nextStartId) > BigInt(readBigint(row.next_start_id)) ? nextStartId : readBigint(row.next_start_id);
    await sequelize.query('UPDATE feed_watermarks SET next_start_id = :next, last_success_at = :now WHERE feed = :feed', {
      replacements: { next, now, feed },
      transaction,
    });
  }
}

function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
