/** A page of one Usage Service feed, as received, with the startId that follows it. */
export interface FeedPage {
  readonly records: readonly unknown[];
  /** Each record's JSON exactly as WAP wrote it, in the order of `records`, where the reader kept it: stored as the record's payload. */
  readonly texts?: readonly string[];
  /** One past the highest EventId of the page: where the next request starts. */
  readonly nextStartId: string;
}

export interface FeedIngestOutcome {
  readonly new: number;
  readonly duplicate: number;
}

/**
 * Where the records of one or more WAP feeds are kept. `ingest` stores a page and moves the feed's
 * watermark in one transaction, so a crash at any point resumes without loss or duplicates, and a
 * record seen again (same feed and EventId) is ignored.
 */
export const FeedSink = Symbol('FeedSink');
export interface FeedSink {
  /** The feed names this sink keeps (`usage`, `subscriptions`, …). */
  readonly feeds: readonly string[];
  watermark(feed: string): Promise<string>;
  ingest(feed: string, page: FeedPage): Promise<FeedIngestOutcome>;
  /**
   * Optional: the work on a page that needs no database (parsing, metering), done while the page
   * before it is stored; answers the page to pass to `ingest`. Without I/O, and in slices that let
   * the other page's statements run; may fail with what `ingest` would throw for the page.
   */
  prepare?(feed: string, page: FeedPage): Promise<FeedPage>;
  /**
   * Optional: consecutive pages (as `prepare` answered them) as one page to pass to `ingest`,
   * which stores them in one transaction. Without it, every page is stored on its own.
   */
  join?(feed: string, pages: readonly FeedPage[]): FeedPage;
  /** Optional: work that follows the records (the usage rollups), after a drain of the feed and now and then during one. */
  settle?(feed: string): Promise<void>;
}
