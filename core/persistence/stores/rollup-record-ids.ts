/**
 * The `event_ids` column of an hours row (migration 0014): the records whose usage the row holds,
 * as `{ "<feed>": "<EventId>,<EventId>,…" }`. A drill-down to the records behind a resource's
 * total reads them by their key from there, instead of through an index of every record by
 * subscription and time, which cost a third of storing a page (`npm run bench`). A roll-up adds
 * a record to a row once: the ids of a row never repeat.
 */
export function recordIdsJson(feed: string, eventIds: readonly string[]): string {
  return JSON.stringify({ [feed]: eventIds.join(',') });
}

/** A stored `event_ids` column with more records of a feed appended. */
export function mergedRecordIdsJson(stored: string | null | undefined, feed: string, eventIds: readonly string[]): string {
  if (!stored) return recordIdsJson(feed, eventIds);
  const byFeed = JSON.parse(stored) as Record<string, string>;
  const held = byFeed[feed];
  byFeed[feed] = held ? (eventIds.length > 0 ? `${held},${eventIds.join(',')}` : held) : eventIds.join(',');
  return JSON.stringify(byFeed);
}

/** The EventIds of a stored `event_ids` column, by feed. */
export function parseRecordIds(stored: string | null | undefined): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  if (!stored) return ids;
  for (const [feed, list] of Object.entries(JSON.parse(stored) as Record<string, string>)) {
    if (list) ids.set(feed, list.split(','));
  }
  return ids;
}
