import { inject, injectable, multiInject } from 'inversify';
import { LeaseStore } from '../../core/leases/lease-store';
import { Logger } from '../../core/logging/logger';
import { Clock } from '../../core/time/clock';
import { FeedSink, type FeedPage } from '../../core/usage/collection/feed-sink';
import { FeedStatusStore } from '../../core/usage/collection/feed-status-store';
import { UsageFeedReader, type UsageFeed } from '../wap/usage-service-client';
import { CollectorSettings } from './collector-settings';

export const COLLECTOR_LEASE = 'collector';

export interface FeedReport {
  readonly feed: string;
  readonly pages: number;
  readonly new: number;
  readonly duplicate: number;
  readonly watermark: string;
  readonly error?: string;
}

export type CollectionReport = { readonly status: 'collected'; readonly feeds: readonly FeedReport[] } | { readonly status: 'lease-held' };

/** Called after each page, for progress bars. */
export type CollectProgress = (feed: string, report: FeedReport) => void;

/**
 * One collection run: while holding the collector lease, drains every feed that has a sink, page
 * by page, until WAP answers an empty page (a short page is not necessarily the last), asking
 * for each page while the one before it is stored. Each page is stored with its watermark in one
 * transaction by the sink, which then settles the feed (rolls its usage up); a failing feed is
 * recorded and the others still run.
 */
@injectable()
export class CollectFeeds {
  constructor(
    @inject(UsageFeedReader) private readonly client: UsageFeedReader,
    @multiInject(FeedSink) private readonly sinks: FeedSink[],
    @inject(LeaseStore) private readonly leases: LeaseStore,
    @inject(FeedStatusStore) private readonly status: FeedStatusStore,
    @inject(CollectorSettings) private readonly settings: CollectorSettings,
    @inject(Clock) private readonly clock: Clock,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  /** When this instance last took or renewed the lease (ms); -Infinity while it does not hold it. */
  private leaseRenewedAt = -Infinity;

  async collect(onProgress?: CollectProgress): Promise<CollectionReport> {
    this.leaseRenewedAt = -Infinity;
    if (!(await this.holdLease())) return { status: 'lease-held' };
    const feeds: FeedReport[] = [];
    try {
      for (const sink of this.sinks) {
        for (const feed of sink.feeds) feeds.push(await this.drain(sink, feed as UsageFeed, onProgress));
      }
    } finally {
      this.leaseRenewedAt = -Infinity;
      await this.leases.release(COLLECTOR_LEASE, this.settings.instanceId);
    }
    return { status: 'collected', feeds };
  }

  private async drain(sink: FeedSink, feed: UsageFeed, onProgress?: CollectProgress): Promise<FeedReport> {
    let report: FeedReport = { feed, pages: 0, new: 0, duplicate: 0, watermark: await sink.watermark(feed) };
    try {
      let next = this.fetch(sink, feed, report.watermark);
      for (;;) {
        const page = await next;
        if (!page) break;
        // The next page is fetched and prepared while this one is stored: WAP serves it from the
        // startId alone, and it is only stored after this page's watermark has committed.
        next = this.fetch(sink, feed, page.nextStartId);
        next.catch(() => undefined); // if storing fails first, nobody awaits the page in flight
        const outcome = await sink.ingest(feed, page);
        report = { ...report, pages: report.pages + 1, new: report.new + outcome.new, duplicate: report.duplicate + outcome.duplicate, watermark: page.nextStartId };
        onProgress?.(feed, report);
        if (!(await this.holdLease())) throw new Error('the collector lease was lost to another instance');
      }
      await sink.settle?.(feed);
      await this.status.recordSuccess(feed, this.clock.now());
      return report;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ feed, error: message }, 'collecting a feed failed');
      await this.status.recordFailure(feed, message, this.clock.now());
      return { ...report, error: message };
    }
  }

  /** The page from `startId`, prepared by the sink if it can; undefined past the end of the feed. */
  private async fetch(sink: FeedSink, feed: UsageFeed, startId: string): Promise<FeedPage | undefined> {
    const records = await this.client.page(feed, startId, this.settings.batchSize);
    if (records.length === 0) return undefined;
    const page: FeedPage = { records, nextStartId: nextStartId(records, startId) };
    return sink.prepare ? sink.prepare(feed, page) : page;
  }

  /**
   * Takes the lease, or renews it once a quarter of its time has passed since it was last taken
   * or renewed: until then nobody else can have it, and renewing after every page cost a write
   * and its commit per page (`npm run bench`).
   */
  private async holdLease(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (now - this.leaseRenewedAt < this.settings.leaseTtlMs / 4) return true;
    const held = await this.leases.tryAcquire(COLLECTOR_LEASE, this.settings.instanceId, this.settings.leaseTtlMs);
    this.leaseRenewedAt = held ? now : -Infinity;
    return held;
  }
}

/** One past the highest EventId of the page; never behind where the page was asked from. */
export function nextStartId(records: readonly unknown[], startId: string): string {
  let highest = BigInt(startId) - 1n;
  for (const record of records) {
    const id = (record as { EventId?: unknown }).EventId;
    if ((typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && /^\d+$/.test(id))) {
      const value = BigInt(id);
      if (value > highest) highest = value;
    }
  }
  return (highest + 1n).toString();
}
