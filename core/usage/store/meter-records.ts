import { DECIMAL_SCALE } from '../../persistence/exact-decimal';
import type { MeteredUsage } from '../metering/metered-usage';
import type { MeterUsageRecord } from '../metering/meter-usage-record';
import { toWapUsageRecord, type RawUsageRecord } from './raw-usage-record';

/** A record that metering refused, with the words the admin's quarantine view shows. */
export interface QuarantineEntry {
  readonly eventId: string;
  /** `<QuarantineReason>: <message>`, at most 1000 characters (the column's width). */
  readonly reason: string;
}

export interface MeteredRecords {
  readonly usage: readonly MeteredUsage[];
  /** EventIds of the records that metered (with or without usage rows). */
  readonly meteredEventIds: readonly string[];
  readonly quarantined: readonly QuarantineEntry[];
}

/**
 * Meters records with the given meters. Quantities are rounded half-up to the 12 decimal places the
 * usage store keeps, here, before rollups see them, so that rollups and the stored rows agree.
 */
export function meterRecords(
  records: readonly { readonly eventId: string; readonly record: RawUsageRecord }[],
  meter: MeterUsageRecord,
): MeteredRecords {
  const usage: MeteredUsage[] = [];
  const meteredEventIds: string[] = [];
  const quarantined: QuarantineEntry[] = [];
  for (const { eventId, record } of records) {
    const wap = toWapUsageRecord(record, eventId);
    const outcome = wap.subscriptionId
      ? meter.meter(wap)
      : { ok: false as const, reason: 'no_subscription', message: `record ${eventId} names no SubscriptionId` };
    const tooLong = outcome.ok ? outcome.usage.find(tooLongToStore) : undefined;
    if (tooLong) {
      quarantined.push({ eventId, reason: `too_long: record ${eventId} yields a subscription, meter or resource id longer than the store keeps`.slice(0, 1000) });
    } else if (outcome.ok) {
      meteredEventIds.push(eventId);
      for (const u of outcome.usage) usage.push(u.quantity.decimalPlaces() > DECIMAL_SCALE ? { ...u, quantity: u.quantity.toDecimalPlaces(DECIMAL_SCALE) } : u);
    } else {
      quarantined.push({ eventId, reason: `${outcome.reason}: ${outcome.message}`.slice(0, 1000) });
    }
  }
  return { usage, meteredEventIds, quarantined };
}

/** The widths of metered_usage's key columns (migration 0002): a longer id would fail the whole page. */
function tooLongToStore(u: MeteredUsage): boolean {
  return u.subscriptionId.length > 64 || u.meterId.length > 128 || (u.resourceId ?? '').length > 256;
}
