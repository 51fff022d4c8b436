import { Decimal } from '../../money/decimal';
import type { Aggregation } from '../../plugin-api';
import type { MeteredUsage } from '../metering/metered-usage';

/**
 * What one record metered, as kept beside it: `[meterId, resourceId, quantity, aggregation]` per
 * quantity. Records stored before migration 0011 have no aggregation; they are all rolled up.
 */
export type MeteredEntry = readonly [meterId: string, resourceId: string | null, quantity: string, aggregation?: Aggregation | `${Aggregation}`];

/** The `metered` column of each record, by EventId: compact JSON, quantities as exact strings. */
export function meteredColumns(usage: readonly MeteredUsage[]): Map<string, string> {
  const byRecord = new Map<string, MeteredEntry[]>();
  for (const u of usage) {
    const entries = byRecord.get(u.eventId) ?? [];
    entries.push(u.aggregation === undefined ? [u.meterId, u.resourceId, u.quantity.toString()] : [u.meterId, u.resourceId, u.quantity.toString(), u.aggregation]);
    byRecord.set(u.eventId, entries);
  }
  return new Map([...byRecord].map(([eventId, entries]) => [eventId, JSON.stringify(entries)]));
}

export function parseMetered(column: string | null): MeteredEntry[] {
  return column ? (JSON.parse(column) as MeteredEntry[]) : [];
}

/** A stored record as the rollups and the tail of a feed read it back. */
export interface StoredMeteredRecord {
  readonly eventId: string;
  readonly subscriptionId: string;
  readonly start: Date;
  readonly end: Date;
  readonly metered: string | null;
}

/** The usage a stored record metered, rebuilt from its `metered` column (nothing for a quarantined record). */
export function meteredUsageOf(record: StoredMeteredRecord): MeteredUsage[] {
  return parseMetered(record.metered).map(([meterId, resourceId, quantity, aggregation]) => ({
    subscriptionId: record.subscriptionId,
    meterId,
    resourceId,
    start: record.start,
    end: record.end,
    quantity: new Decimal(quantity),
    eventId: record.eventId,
    aggregation,
  }));
}
