import type { RawUsageRecord } from './raw-usage-record';

/** One page of a WAP feed as the collector pulled it. */
export interface UsagePage {
  readonly records: readonly RawUsageRecord[];
  /** Each record's JSON exactly as WAP wrote it, in the order of `records`, where the collector kept it: stored as its payload. */
  readonly texts?: readonly string[];
  /** The `startId` to ask WAP for next: stored as the feed's watermark with the page. */
  readonly nextStartId: string;
}

/** What one page changed. A page ingested twice reports every record as a duplicate the second time. */
export interface IngestOutcome {
  /** Records stored for the first time. */
  readonly new: number;
  /** Records already stored under the same (feed, EventId), or repeated within the page: skipped. */
  readonly duplicate: number;
  /** New records that became metered usage (a record may yield several usage rows, or none). */
  readonly metered: number;
  /** New records that no active meter could meter; kept, with the reason, until reprocessed. */
  readonly quarantined: number;
}

/** The watermark of a feed never pulled: WAP's EventIds start at 1, so 0 asks for everything. */
export const FIRST_START_ID = '0';

/**
 * Raw WAP usage records, the metered usage made of them, its rollups and each feed's watermark.
 * One writer at a time: the collector holds the lease (see the `leases` table). Rollups follow
 * the records: `ingest` stores a page's records, `rollUp` adds every record stored since the last
 * roll-up to the rollups. Queries (`UsageQuery`) fold in what is not rolled up yet, so when the
 * roll-up runs changes how fast they answer, never what.
 */
export const UsageStore = Symbol('UsageStore');
export interface UsageStore {
  /**
   * Stores a page in one transaction: new records with their metered usage or quarantine, and the
   * watermark. A failure leaves nothing of the page behind; a page stored twice changes nothing
   * the second time (records are unique by feed and EventId). The watermark only moves forward.
   * A record without a whole-number EventId is a TypeError, a `nextStartId` not past every
   * EventId of the page a RangeError, and nothing of the page is stored.
   */
  ingest(feed: string, page: UsagePage): Promise<IngestOutcome>;
  /**
   * Does the part of `ingest` that needs no database (EventIds checked, records metered, rows
   * worked out) and answers the page to pass to `ingest`, which then only writes. The collector
   * calls it for the next page while the page before it commits: it works in slices and lets the
   * event loop run between them, so that the statements of that commit are not kept waiting.
   * No I/O; fails with what `ingest` would throw for the page. `ingest` of a page prepared for
   * meters since changed prepares it again.
   */
  prepare(feed: string, page: UsagePage): Promise<UsagePage>;
  /**
   * Consecutive pages of a feed (each as `prepare` answered it) as one page: `ingest` stores
   * their records in one transaction, the watermark moving past the last. A record repeated
   * across them is stored once.
   */
  join(feed: string, pages: readonly UsagePage[]): UsagePage;
  /**
   * Adds the feed's records stored since the last roll-up to the hourly, daily and monthly
   * rollups, in transactions of bounded size, each moving the feed's roll-up mark with the
   * rollups it wrote: a crash loses nothing, and nothing is rolled up twice. Returns how many
   * records it took.
   */
  rollUp(feed: string): Promise<number>;
  /** The `startId` to pull `feed` from next; `FIRST_START_ID` for a feed never pulled. */
  watermark(feed: string): Promise<string>;
}
