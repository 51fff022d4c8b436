import type { Transaction } from 'sequelize';
import type { Database } from '../database';
import type { DialectName } from '../database-url';
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
  await writeWatermark(database, feed, await storedWatermark(database, feed, transaction), nextStartId, now, transaction, {});
}

/**
 * Where a usage feed stands, read with its row locked until the transaction ends: the collector's
 * pages and its roll-ups, and a reprocessed quarantine, move the feed's two marks one at a time.
 */
export interface FeedPosition {
  /** Undefined before the feed's first page. */
  readonly nextStartId: string | undefined;
  /** The records of the feed with a smaller EventId are in the rollups (see migration 0011). */
  readonly rolledUpTo: string;
}

export async function lockFeedPosition(database: Database, feed: string, transaction: Transaction): Promise<FeedPosition> {
  // A write that changes nothing: the one way to lock a row that every dialect shares.
  await database.sequelize.query('UPDATE feed_watermarks SET rolled_up_to = rolled_up_to WHERE feed = :feed', { replacements: { feed }, transaction });
  return readFeedPosition(database, feed, transaction);
}

/**
 * The feed's position without a lock: for the collector's pages, which move only the watermark
 * (one collector at a time holds the lease), while a roll-up moves the other mark.
 */
export async function readFeedPosition(database: Database, feed: string, transaction: Transaction): Promise<FeedPosition> {
  const sequelize = database.sequelize;
  const [row] = await select<{ next_start_id: string | number; rolled_up_to: string | number | null }>(
    sequelize,
    `SELECT ${bigintAsText(database.dialect, 'next_start_id', 'next_start_id')}, ${bigintAsText(database.dialect, 'rolled_up_to', 'rolled_up_to')}
     FROM feed_watermarks WHERE feed = :feed`,
    transaction,
    { feed },
  );
  return { nextStartId: row && readBigint(row.next_start_id), rolledUpTo: row?.rolled_up_to == null ? '0' : readBigint(row.rolled_up_to) };
}

/** A usage feed's watermark, moved forward only, as `advanceWatermark`; the feed is marked as one whose records roll up. */
export async function advanceUsageWatermark(database: Database, feed: string, position: FeedPosition, nextStartId: string, now: Date, transaction: Transaction): Promise<void> {
  await writeWatermark(database, feed, position.nextStartId, nextStartId, now, transaction, { rolledUpTo: position.rolledUpTo });
}

export async function setRolledUpTo(database: Database, feed: string, rolledUpTo: string, transaction: Transaction): Promise<void> {
  await database.sequelize.query(`UPDATE feed_watermarks SET rolled_up_to = ${rolledUpTo} WHERE feed = :feed`, { replacements: { feed }, transaction });
}

/** The usage feeds: those whose records roll up (the catalogue's never do). */
export const USAGE_FEEDS_WHERE = 'rolled_up_to IS NOT NULL';

/** Every usage feed, by name. */
export async function usageFeeds(database: Database): Promise<string[]> {
  return (await select<{ feed: string }>(database.sequelize, `SELECT feed FROM feed_watermarks WHERE ${USAGE_FEEDS_WHERE} ORDER BY feed`)).map((r) => r.feed);
}

/**
 * The SELECT of every usage feed whose records are not all rolled up (`feed`), and where its
 * rollups stand (`rolled_up_to`): the records from there on are the feed's tail.
 */
export function tailStartsSelect(dialect: DialectName): string {
  // Every stored record is behind the watermark: a feed rolled up to it has no tail.
  return `SELECT feed, ${bigintAsText(dialect, 'rolled_up_to', 'rolled_up_to')} FROM feed_watermarks
     WHERE ${USAGE_FEEDS_WHERE} AND rolled_up_to < next_start_id`;
}

/** The rows of `tailStartsSelect`, read. */
export function tailStartsOf(rows: readonly { feed: string; rolled_up_to: string | number }[]): Map<string, string> {
  return new Map(rows.map((r) => [r.feed, readBigint(r.rolled_up_to)]));
}

async function writeWatermark(
  database: Database, feed: string, stored: string | undefined, nextStartId: string, now: Date, transaction: Transaction,
  usage: { readonly rolledUpTo?: string },
): Promise<void> {
  const sequelize = database.sequelize;
  // rolled_up_to stays NULL for the catalogue's feeds, whose records never roll up.
  if (stored === undefined) {
    await insertRows(sequelize, 'feed_watermarks', [{
      feed, next_start_id: nextStartId, last_success_at: now, last_error: null, last_error_at: null, rolled_up_to: usage.rolledUpTo ?? null,
    }], transaction);
    return;
  }
  const next = BigInt(nextStartId) > BigInt(stored) ? nextStartId : stored;
  const rolledUp = usage.rolledUpTo === undefined ? '' : ', rolled_up_to = COALESCE(rolled_up_to, 0)';
  await sequelize.query(`UPDATE feed_watermarks SET next_start_id = :next, last_success_at = :now${rolledUp} WHERE feed = :feed`, {
    replacements: { next, now, feed },
    transaction,
  });
}
