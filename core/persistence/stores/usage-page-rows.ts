import type { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { meterRecord } from '../../usage/store/meter-records';
import { meteredColumn } from '../../usage/store/metered-column';
import type { RawUsageRecord } from '../../usage/store/raw-usage-record';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import type { RowValues } from './bulk-rows/bulk-rows';

export const USAGE_RECORD_COLUMNS = ['feed', 'event_id', 'subscription_id', 'provider_name', 'payload', 'received_at', 'resource_id', 'start_time', 'end_time', 'metered'];
export const QUARANTINE_COLUMNS = ['feed', 'event_id', 'reason', 'quarantined_at', 'released_at'];

/** A record of a page: its EventId (canonical), the record, and its JSON as WAP wrote it where the collector kept it. */
export interface PageRecord {
  readonly eventId: string;
  readonly record: RawUsageRecord;
  readonly text?: string;
}

/** What storing new records writes: their rows and their quarantine rows; and the usage they metered, for the rollups. */
export interface UsagePageRows {
  readonly records: readonly RowValues[];
  readonly quarantined: readonly RowValues[];
  readonly usage: readonly MeteredUsage[];
  /** How many of the records metered (with or without usage). */
  readonly metered: number;
}

/**
 * Works out, without the database, what storing `records` (new to the store) writes: pure, so
 * the collector can do it for one page while the page before it commits.
 */
export function usagePageRows(
  feed: string,
  records: readonly PageRecord[],
  meter: MeterUsageRecord,
  receivedAt: Date,
): UsagePageRows {
  return new UsagePageRowsBuilder(feed, meter, receivedAt).add(records);
}

/** `usagePageRows` of a page's records added a slice at a time: the rows of the whole page. */
export class UsagePageRowsBuilder implements UsagePageRows {
  readonly records: RowValues[] = [];
  readonly quarantined: RowValues[] = [];
  readonly usage: MeteredUsage[] = [];
  metered = 0;

  constructor(private readonly feed: string, private readonly meter: MeterUsageRecord, private readonly receivedAt: Date) {}

  add(records: readonly PageRecord[]): this {
    const { feed, receivedAt } = this;
    for (const { eventId, record, text } of records) {
      const { wap, usage, quarantined } = meterRecord(eventId, record, this.meter);
      if (quarantined) {
        this.quarantined.push([feed, quarantined.eventId, quarantined.reason, receivedAt, null]);
      } else {
        this.metered++;
        for (const u of usage) this.usage.push(u);
      }
      const resourceId = typeof record.ResourceId === 'string' ? record.ResourceId.slice(0, 256) : null;
      this.records.push([
        feed,
        eventId,
        typeof record.SubscriptionId === 'string' ? wap.subscriptionId.slice(0, 64) : null,
        typeof record.ProviderName === 'string' ? record.ProviderName.slice(0, 128) : null,
        text ?? JSON.stringify(record),
        receivedAt,
        resourceId,
        validDate(wap.startTime),
        validDate(wap.endTime),
        // A metered record without quantities keeps '[]': null means "not metered" (quarantined).
        quarantined ? null : meteredColumn(usage, resourceId),
      ]);
    }
    return this;
  }
}

/** The rows of consecutive pages, as one page's. */
export function joinedRows(pages: readonly UsagePageRows[]): UsagePageRows {
  const [first, ...rest] = pages;
  return {
    records: first.records.concat(...rest.map((p) => p.records)),
    quarantined: first.quarantined.concat(...rest.map((p) => p.quarantined)),
    usage: first.usage.concat(...rest.map((p) => p.usage)),
    metered: pages.reduce((n, p) => n + p.metered, 0),
  };
}

function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
