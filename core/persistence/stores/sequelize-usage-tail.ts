// The tail of a usage feed: its records from `rolled_up_to` on, stored but not yet in the rollups
// (migration 0011). The collector rolls the tail up after each pull; until then queries fold it
// in from the records' `metered` column, so an answer never depends on where the roll-up stands.
import type { Transaction } from 'sequelize';
import type { Database } from '../database';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import type { Period } from '../../usage/metering/aggregation/period';
import { meteredUsageOf } from '../../usage/store/metered-column';
import { setRolledUpTo, type FeedPosition } from './sequelize-feed-watermarks';
import type { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { bigintAsText, readBigint, readDate, select, subscriptionCondition, type StatementValues } from './sequelize-usage-sql';

/** A record of a feed's tail, as read back to roll it up or to fold it into an answer. */
export interface TailRow {
  event_id: string | number;
  subscription_id: string;
  start_time: Date | string;
  end_time: Date | string;
  resource_id: string | null;
  metered: string | null;
}

const TAIL_COLUMNS = (database: Database) => `${bigintAsText(database.dialect, 'event_id', 'event_id')}, subscription_id, start_time, end_time, resource_id, metered`;

/**
 * Rolls up the oldest `limit` records of the feed's tail (fewer if the tail is shorter), read back
 * from the store, inside the caller's transaction, which holds the feed's position locked
 * (`lockFeedPosition`); moves `rolled_up_to` past them. Returns how many it took, and the new mark.
 */
export async function rollUpTail(
  database: Database, rollups: SequelizeUsageRollups, feed: string, position: FeedPosition, limit: number, transaction: Transaction,
): Promise<{ readonly records: number; readonly rolledUpTo: string }> {
  const { rolledUpTo, nextStartId } = position;
  if (nextStartId === undefined) return { records: 0, rolledUpTo };
  const paging = database.dialect === 'mssql' ? `OFFSET 0 ROWS FETCH NEXT ${limit} ROWS ONLY` : `LIMIT ${limit}`;
  const rows = await select<TailRow>(
    database.sequelize,
    // Ordered by the column, not by its alias: SQLite's alias is text, and '10' sorts before '9'.
    `SELECT ${TAIL_COLUMNS(database)} FROM usage_records WHERE feed = :feed AND event_id >= ${rolledUpTo} ORDER BY usage_records.event_id ${paging}`,
    transaction,
    { feed },
  );
  await rollups.add(feed, rows.flatMap(tailRowUsage), transaction);
  // Past the last record read; past the watermark once the tail is all read (every stored record is behind it).
  const next = rows.length === limit ? (BigInt(readBigint(rows[rows.length - 1].event_id)) + 1n).toString() : nextStartId;
  if (rows.length > 0 || next !== rolledUpTo) await setRolledUpTo(database, feed, next, transaction);
  return { records: rows.length, rolledUpTo: next };
}

/** Records of the feed's tail (from `rolledUpTo` on), quarantined ones included. */
export async function tailLength(database: Database, feed: string, rolledUpTo: string, transaction: Transaction): Promise<number> {
  const [row] = await select<{ n: number | string }>(
    database.sequelize, `SELECT COUNT(*) AS n FROM usage_records WHERE feed = :feed AND event_id >= ${rolledUpTo}`, transaction, { feed },
  );
  return Number(row.n);
}

/** Where each usage feed's tail begins (its `rolled_up_to`), by feed, for the feeds that have one. */
export type TailStarts = ReadonlyMap<string, string>;

/**
 * Where the tails begin: where `startingAt` says (read before, in another statement), or, for the
 * usage feeds `ofFeeds`, where the statement itself sees each feed's mark. Read in the statement,
 * the tail is the one of its own snapshot, and a statement that reads the rollups too reads each
 * record from the rollups or from the tail, never from both or neither, whatever roll-up commits
 * meanwhile. Read before, the records rolled up since are still read from the tail.
 */
export type Tails = { readonly startingAt: TailStarts } | { readonly ofFeeds: readonly string[] };

/**
 * The SELECT of the metered records of the usage feeds' tails that count in `period` (the rule
 * of `countsIn`), of one subscription, several, or all (`undefined`), its values bound in
 * `values`; undefined where there is no tail to read. `columns` may name `usage_records`' columns
 * unqualified. Each tail is read by its key range (feed, event_id): a subscription's records have
 * no index of their own (migration 0014). Read in the statement, the range is bounded on both
 * sides, by the mark and by the watermark (every stored record is behind it): PostgreSQL's
 * planner, not knowing either value, takes a range between two for a narrow one, and one bounded
 * on a side only for a third of the table, which it then scans whole (as it does when the marks
 * are joined in from feed_watermarks).
 */
export function tailSelect(
  values: StatementValues, columns: string, subscriptions: string | readonly string[] | undefined, period: Period, tails: Tails,
): string | undefined {
  const ranges = 'startingAt' in tails
    ? [...tails.startingAt].map(([feed, start]) => `(feed = ${values.add(feed)} AND event_id >= ${start})`)
    : tails.ofFeeds.map((feed) => {
      const name = values.add(feed);
      const mark = (column: string) => `(SELECT ${column} FROM feed_watermarks WHERE feed_watermarks.feed = ${name})`;
      return `(feed = ${name} AND event_id >= ${mark('rolled_up_to')} AND event_id < ${mark('next_start_id')})`;
    });
  if (ranges.length === 0) return undefined;
  const from = values.add(period.from);
  return `SELECT ${columns} FROM usage_records
     WHERE (${ranges.join(' OR ')}) AND metered IS NOT NULL ${subscriptionCondition(values, subscriptions)}
       AND start_time < ${values.add(period.to)} AND (end_time > ${from} OR (end_time = start_time AND start_time >= ${from}))`;
}

/** The metered usage of a tail row. */
export function tailRowUsage(row: TailRow): MeteredUsage[] {
  return meteredUsageOf({
    eventId: readBigint(row.event_id), subscriptionId: row.subscription_id, start: readDate(row.start_time), end: readDate(row.end_time),
    resourceId: row.resource_id, metered: row.metered,
  });
}
