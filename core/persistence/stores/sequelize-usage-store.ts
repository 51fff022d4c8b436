import { inject, injectable } from 'inversify';
import type { MeterPlugin } from '../../plugin-api';
import { Clock } from '../../time/clock';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { eventIdOf, type RawUsageRecord } from '../../usage/store/raw-usage-record';
import { type IngestOutcome, type UsagePage, type UsageStore } from '../../usage/store/usage-store';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { advanceWatermark, readWatermark, storedEventIds } from './sequelize-feed-watermarks';
import { bulkRowsFor } from './bulk-rows/bulk-rows';
import { QUARANTINE_COLUMNS, USAGE_RECORD_COLUMNS, usagePageRows, type UsagePageRows } from './usage-page-rows';

/** A page with its rows worked out by `prepare`, as if every record were new, with the meters active then. */
class PreparedUsagePage implements UsagePage {
  constructor(
    readonly feed: string,
    readonly records: UsagePage['records'],
    readonly nextStartId: string,
    readonly unique: ReadonlyMap<string, RawUsageRecord>,
    readonly plugins: readonly MeterPlugin[],
    readonly rows: UsagePageRows,
  ) {}
}

@injectable()
export class SequelizeUsageStore implements UsageStore {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  prepare(feed: string, page: UsagePage): UsagePage {
    if (!/^\d{1,19}$/.test(page.nextStartId)) throw new TypeError(`nextStartId must be a whole number, not ${JSON.stringify(page.nextStartId)}`);
    const unique = new Map<string, RawUsageRecord>();
    for (const record of page.records) {
      const eventId = eventIdOf(record);
      if (eventId === undefined) throw new TypeError(`a ${feed} record has no whole-number EventId: ${JSON.stringify(record.EventId)}`);
      if (!unique.has(eventId)) unique.set(eventId, record);
    }
    const plugins = this.meters.active();
    return new PreparedUsagePage(feed, page.records, page.nextStartId, unique, plugins, this.rowsOf(feed, unique, plugins));
  }

  async ingest(feed: string, page: UsagePage): Promise<IngestOutcome> {
    const prepared = this.isCurrent(feed, page) ? page : (this.prepare(feed, page) as PreparedUsagePage);
    return this.database.sequelize.transaction(async (transaction) => {
      const stored = await storedEventIds(this.database, feed, [...prepared.unique.keys()], transaction);
      // Records stored already (a page pulled again) are rare: the rows are then worked out anew without them.
      const fresh = stored.size === 0 ? prepared.unique : new Map([...prepared.unique].filter(([eventId]) => !stored.has(eventId)));
      const rows = stored.size === 0 ? prepared.rows : this.rowsOf(feed, fresh, prepared.plugins);
      const bulk = bulkRowsFor(this.database, transaction);
      await bulk.insert('usage_records', USAGE_RECORD_COLUMNS, rows.records);
      await bulk.insert('quarantined_records', QUARANTINE_COLUMNS, rows.quarantined);
      await this.rollups.write(rows.rollups, transaction, bulk);
      await advanceWatermark(this.database, feed, page.nextStartId, this.clock.now(), transaction);
      return {
        new: fresh.size,
        duplicate: page.records.length - fresh.size,
        metered: rows.metered,
        quarantined: rows.quarantined.length,
      };
    });
  }

  watermark(feed: string): Promise<string> {
    return readWatermark(this.database, feed);
  }

  /** Whether `page` came from `prepare` for this feed with the meters active now (one enabled since would be missed). */
  private isCurrent(feed: string, page: UsagePage): page is PreparedUsagePage {
    if (!(page instanceof PreparedUsagePage) || page.feed !== feed) return false;
    const active = this.meters.active();
    return active.length === page.plugins.length && active.every((plugin, i) => plugin === page.plugins[i]);
  }

  private rowsOf(feed: string, records: ReadonlyMap<string, RawUsageRecord>, plugins: readonly MeterPlugin[]): UsagePageRows {
    const list = [...records].map(([eventId, record]) => ({ eventId, record }));
    return usagePageRows(feed, list, new MeterUsageRecord(plugins), (meterId) => this.rollups.aggregationOf(meterId), this.clock.now());
  }
}
