import type { WapUsageRecord } from '../../plugin-api';
import type { MeteredUsage } from '../metering/metered-usage';
import type { MeterUsageRecord } from '../metering/meter-usage-record';
import { toWapUsageRecord, type RawUsageRecord } from './raw-usage-record';

/** A record that metering refused, with the words the admin's quarantine view shows. */
export interface QuarantineEntry {
  readonly eventId: string;
  /** `<QuarantineReason>: <message>`, at most 1000 characters (the column's width). */
  readonly reason: string;
}

/** One record as metering read it (`wap`), and what it metered, or why it goes to quarantine. */
export type RecordMetering =
  | { readonly wap: WapUsageRecord; readonly usage: readonly MeteredUsage[]; readonly quarantined?: undefined }
  | { readonly wap: WapUsageRecord; readonly usage?: undefined; readonly quarantined: QuarantineEntry };

export interface MeteredRecords {
  readonly usage: readonly MeteredUsage[];
  /** EventIds of the records that metered (with or without usage rows). */
  readonly meteredEventIds: readonly string[];
  readonly quarantined: readonly QuarantineEntry[];
}

/** Meters one record with the given meters (quantities come rounded to the 12 places the store keeps). */
export function meterRecord(eventId: string, record: RawUsageRecord, meter: MeterUsageRecord): RecordMetering {
  const wap = toWapUsageRecord(record, eventId);
  if (!wap.subscriptionId) return { wap, quarantined: { eventId, reason: `no_subscription: record ${eventId} names no SubscriptionId` } };
  const outcome = meter.meter(wap);
  if (!outcome.ok) return { wap, quarantined: { eventId, reason: `${outcome.reason}: ${outcome.message}`.slice(0, 1000) } };
  if (outcome.usage.some(tooLongToStore)) {
    return { wap, quarantined: { eventId, reason: `too_long: record ${eventId} yields a subscription, meter or resource id longer than the store keeps`.slice(0, 1000) } };
  }
  return { wap, usage: outcome.usage };
}

/** Meters records with the given meters (see `meterRecord`). */
export function meterRecords(
  records: readonly { readonly eventId: string; readonly record: RawUsageRecord }[],
  meter: MeterUsageRecord,
): MeteredRecords {
  const usage: MeteredUsage[] = [];
  const meteredEventIds: string[] = [];
  const quarantined: QuarantineEntry[] = [];
  for (const { eventId, record } of records) {
    const metered = meterRecord(eventId, record, meter);
    if (metered.quarantined) {
      quarantined.push(metered.quarantined);
    } else {
      meteredEventIds.push(eventId);
      for (const u of metered.usage) usage.push(u);
    }
  }
  return { usage, meteredEventIds, quarantined };
}

/** The widths of metered_usage's key columns (migration 0002): a longer id would fail the whole page. */
function tooLongToStore(u: MeteredUsage): boolean {
  return u.subscriptionId.length > 64 || u.meterId.length > 128 || (u.resourceId ?? '').length > 256;
}
