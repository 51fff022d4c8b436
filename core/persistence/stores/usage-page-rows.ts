import type { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { meterRecords } from '../../usage/store/meter-records';
import { meteredColumns } from '../../usage/store/metered-column';
import { parseWapTime, type RawUsageRecord } from '../../usage/store/raw-usage-record';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import type { RowValues } from './bulk-rows/bulk-rows';

export const USAGE_RECORD_COLUMNS = ['feed', 'event_id', 'subscription_id', 'provider_name', 'payload', 'received_at', 'resource_id', 'start_time', 'end_time', 'metered'];
export const QUARANTINE_COLUMNS = ['feed', 'event_id', 'reason', 'quarantined_at', 'released_at'];

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
  records: readonly { readonly eventId: string; readonly record: RawUsageRecord }[],
  meter: MeterUsageRecord,
  receivedAt: Date,
): UsagePageRows {
  const metered = meterRecords(records, meter);
  const meteredOf = meteredColumns(metered.usage);
  const meteredIds = new Set(metered.meteredEventIds);
  return {
    records: records.map(({ eventId, record }) => [
      feed,
      eventId,
      typeof record.SubscriptionId === 'string' ? record.SubscriptionId.toLowerCase().slice(0, 64) : null,
      typeof record.ProviderName === 'string' ? record.ProviderName.slice(0, 128) : null,
      JSON.stringify(record),
      receivedAt,
      typeof record.ResourceId === 'string' ? record.ResourceId.slice(0, 256) : null,
      validDate(parseWapTime(record.StartTime)),
      validDate(parseWapTime(record.EndTime)),
      // A metered record without quantities keeps '[]': null means "not metered" (quarantined).
      meteredIds.has(eventId) ? (meteredOf.get(eventId) ?? '[]') : null,
    ]),
    quarantined: metered.quarantined.map((q) => [feed, q.eventId, q.reason, receivedAt, null]),
    usage: metered.usage,
    metered: metered.meteredEventIds.length,
  };
}

/** The rows of consecutive slices of one page, as one page's. */
export function joinedRows(slices: readonly UsagePageRows[]): UsagePageRows {
  if (slices.length === 1) return slices[0];
  return {
    records: slices.flatMap((s) => s.records),
    quarantined: slices.flatMap((s) => s.quarantined),
    usage: slices.flatMap((s) => s.usage),
    metered: slices.reduce((n, s) => n + s.metered, 0),
  };
}

function validDate(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
