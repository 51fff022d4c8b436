import type { Transaction } from 'sequelize';
import type { Database } from '../database';
import { FIRST_START_ID } from '../../usage/store/usage-store';
import { bigintAsText, chunks, insertRows, readBigint, select } from './sequelize-usage-sql';

/**
 * The (feed, EventId) bookkeeping every feed sink shares: `usage_records` says which records were
 * kept, `feed_watermarks` where the next page starts.
 */
export async function readWatermark(database: Database, feed: string, transaction?: Transaction): Promise<string> {
  return (await storedWatermark(database, feed, transaction)) ?? FIRST_START_ID;
}

/** The feed's stored watermark; undefined before its first page. */
async function storedWatermark(database: Database, feed: string, transaction?: Transaction): Promise<string | undefined> {
  const [row] = await select<{ next_start_id: string | number }>(
    database.sequelize, `SELECT ${bigintAsText(database.dialect, 'next_start_id', 'next_start_id')} FROM feed_watermarks WHERE feed = :feed`, transaction, { feed },
  );
  return row ? readBigint(row.next_start_id) : undefined;
}

/** One query per chunk of EventIds, never one per record. */
export async function storedEventIds(database: Database, feed: string, eventIds: readonly string[], transaction: Transaction): Promise<Set<string>> {
  const stored = new Set<string>();
  const ascending = [...eventIds].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  for (const ids of chunks(ascending)) {
    const rows = await select<{ event_id: string | number }>(
      database.sequelize,
      // EventIds are checked digit strings; unquoted, MariaDB compares them as integers, not doubles.
      // The range repeats the IN list for PostgreSQL's planner, which otherwise scans the whole
      // table once it has grown past the statistics it last gathered.
      `SELECT ${bigintAsText(database.dialect, 'event_id', 'event_id')} FROM usage_records
       WHERE feed = :feed AND event_id IN (${ids.join(', ')}) AND event_id >= ${ids[0]} AND event_id <= ${ids[ids.length - 1]}`,
      transaction,
      { feed },
    );
    for (const row of rows) stored.add(readBigint(row.event_id));
  }
  return stored;
}

/** Moves the watermark forward only: a page replayed from an older pull must not rewind it. */
export async function advanceWatermark(database: Database, feed: string, nextStartId: string, now: Date, transaction: Transaction): Promise<void> {
  const sequelize = database.sequelize;
  const stored = await storedWatermark(database, feed, transaction);
  if (stored === undefined) {
    await insertRows(sequelize, 'feed_watermarks', [{
      feed, next_start_id: nextStartId, last_success_at: now, last_error: null, last_error_at: null,
    }], transaction);
    return;
  }
  const next = BigInt(nextStartId) > BigInt(stored) ? nextStartId : stored;
  await sequelize.query('UPDATE feed_watermarks SET next_start_id = :next, last_success_at = :now WHERE feed = :feed', {
    replacements: { next, now, feed },
    transaction,
  });
}
