import type { MeteredUsage } from '../metering/metered-usage';

/** What one record metered, as kept beside it: `[meterId, resourceId, quantity]` per quantity. */
export type MeteredEntry = readonly [meterId: string, resourceId: string | null, quantity: string];

/** The `metered` column of each record, by EventId: compact JSON, quantities as exact strings. */
export function meteredColumns(usage: readonly MeteredUsage[]): Map<string, string> {
  const byRecord = new Map<string, MeteredEntry[]>();
  for (const u of usage) {
    const entries = byRecord.get(u.eventId) ?? [];
    entries.push([u.meterId, u.resourceId, u.quantity.toString()]);
    byRecord.set(u.eventId, entries);
  }
  return new Map([...byRecord].map(([eventId, entries]) => [eventId, JSON.stringify(entries)]));
}

export function parseMetered(column: string | null): MeteredEntry[] {
  return column ? (JSON.parse(column) as MeteredEntry[]) : [];
}
