import { Decimal } from '../../money/decimal';
import type { Aggregation } from '../../plugin-api';
import type { MeteredUsage } from '../metering/metered-usage';

/**
 * What one record metered, as read back: `[meterId, resourceId, quantity, aggregation]` per
 * quantity. Records stored before migration 0011 have no aggregation; they are all rolled up.
 */
export type MeteredEntry = readonly [meterId: string, resourceId: string | null, quantity: string, aggregation?: Aggregation | `${Aggregation}`];

/**
 * The `metered` column is JSON. Since this version it is `[2, entry, …]`, an entry being
 * `[meterId, quantity, aggregation]`, or `[meterId, quantity, aggregation, resourceId]` when the
 * usage is not of the record's own resource (its `resource_id` column): a VM's five meters
 * without its GUID five times, under half the bytes (`npm run bench`). Records stored before are
 * `[MeteredEntry, …]`; `[]` is a record metered without quantities in either form.
 */
const COMPACT = 2;

/** The `metered` column of each record, by EventId, each quantity with its resource (see `meteredColumn`). */
export function meteredColumns(usage: readonly MeteredUsage[]): Map<string, string> {
  const byRecord = new Map<string, MeteredUsage[]>();
  for (const u of usage) {
    const entries = byRecord.get(u.eventId);
    if (entries) entries.push(u);
    else byRecord.set(u.eventId, [u]);
  }
  const columns = new Map<string, string>();
  for (const [eventId, entries] of byRecord) columns.set(eventId, meteredColumn(entries));
  return columns;
}

/**
 * The `metered` column of one record, from the usage it metered: quantities as exact strings.
 * `recordResourceId` is the record's `resource_id` column: usage of that resource does not
 * repeat it; without it, every quantity names its resource.
 */
export function meteredColumn(usage: readonly MeteredUsage[], recordResourceId?: string | null): string {
  if (usage.length === 0) return '[]';
  // What JSON.stringify makes of `[2, [meterId, quantity, aggregation, resourceId?], …]`, written
  // directly: every record has one, and the arrays for JSON.stringify were half its cost.
  let json = '[' + COMPACT;
  for (const u of usage) {
    const quantity = u.quantityText ?? u.quantity.toString();
    json += ',[' + jsonName(u.meterId) + ',' + (PLAIN_NUMBER.test(quantity) ? '"' + quantity + '"' : JSON.stringify(quantity)) + ',' +
      (u.aggregation == null ? 'null' : jsonName(u.aggregation)) + (u.resourceId === recordResourceId ? ']' : ',' + JSON.stringify(u.resourceId) + ']');
  }
  return json + ']';
}

/** Decimal text as metering writes it: nothing JSON would escape. */
const PLAIN_NUMBER = /^[-+.0-9eE]*$/;

// Meter ids and aggregations are few, and every record names them.
const namesJson = new Map<string, string>();

function jsonName(name: string): string {
  let json = namesJson.get(name);
  if (json === undefined) {
    if (namesJson.size >= 1024) namesJson.clear();
    namesJson.set(name, (json = JSON.stringify(name)));
  }
  return json;
}

/** The entries of a `metered` column, in either form; `recordResourceId` is the record's `resource_id` column. */
export function parseMetered(column: string | null, recordResourceId: string | null): MeteredEntry[] {
  if (!column) return [];
  const parsed = JSON.parse(column) as unknown[];
  if (parsed[0] !== COMPACT) return parsed as MeteredEntry[];
  const entries: MeteredEntry[] = [];
  for (let i = 1; i < parsed.length; i++) {
    const [meterId, quantity, aggregation, resourceId] = parsed[i] as [string, string, Aggregation | null, (string | null)?];
    entries.push([meterId, resourceId === undefined ? recordResourceId : resourceId, quantity, aggregation ?? undefined]);
  }
  return entries;
}

/** A stored record as the rollups and the tail of a feed read it back. */
export interface StoredMeteredRecord {
  readonly eventId: string;
  readonly subscriptionId: string;
  readonly start: Date;
  readonly end: Date;
  /** The record's `resource_id` column. */
  readonly resourceId: string | null;
  readonly metered: string | null;
}

/** The usage a stored record metered, rebuilt from its `metered` column (nothing for a quarantined record). */
export function meteredUsageOf(record: StoredMeteredRecord): MeteredUsage[] {
  return parseMetered(record.metered, record.resourceId).map(([meterId, resourceId, quantity, aggregation]) => ({
    subscriptionId: record.subscriptionId,
    meterId,
    resourceId,
    start: record.start,
    end: record.end,
    quantity: new Decimal(quantity),
    quantityText: quantity,
    eventId: record.eventId,
    aggregation,
  }));
}
