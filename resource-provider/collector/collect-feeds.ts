import { inject, injectable, multiInject } from 'inversify';
import { LeaseStore } from '../../core/leases/lease-store';
import { Logger } from '../../core/logging/logger';
import { PluginRegistry } from '../../core/plugin-host/plugin-registry';
import { Clock } from '../../core/time/clock';
import { FeedSink, type FeedPage } from '../../core/usage/collection/feed-sink';
import { FeedStatusStore } from '../../core/usage/collection/feed-status-store';
import { UsageFeedReader, type UsageFeed } from '../wap/usage-service-client';
import { CollectorSettings } from './collector-settings';
import { ReadAhead } from './read-ahead';

export const COLLECTOR_LEASE = 'collector';

/**
 * Pages read and prepared ahead of the ones being stored. Those ready when a transaction begins
 * are stored in it together where the sink can join them: a backlog's pages then share a commit
 * and its round trips, which took as long as writing a page's records (`npm run bench`).
 */
const READ_AHEAD = 2;

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
 * for the next pages while the ones before them are stored. Each page is stored with its
 * watermark in one transaction by the sink (with the pages read meanwhile, if it joins pages),
 * which then settles the feed (rolls its usage up); a failing feed is recorded and the others
 * still run.
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
    @inject(PluginRegistry) private readonly plugins: Pick<PluginRegistry, 'rescan'>,
  ) {}

  /** When this instance last took or renewed the lease (ms); -Infinity while it does not hold it. */
  private leaseRenewedAt = -Infinity;

  async collect(onProgress?: CollectProgress): Promise<CollectionReport> {
    this.leaseRenewedAt = -Infinity;
    if (!(await this.holdLease())) return { status: 'lease-held' };
    const feeds: FeedReport[] = [];
    try {
      // The meters as the admins left them, through whichever instance: another one may have enabled,
      // disabled or configured a plugin, or saved a meter document into the shared plugins folder.
      await this.plugins.rescan();
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
    // WAP serves each page from its startId alone; a page is stored only after the watermark of the ones before it has committed.
    const ahead = new ReadAhead(
      (startId) => this.read(feed, startId),
      (page) => (sink.prepare ? sink.prepare(feed, page) : Promise.resolve(page)),
      report.watermark,
      READ_AHEAD,
    );
    try {
      for (;;) {
        const pages = await ahead.take(sink.join ? READ_AHEAD : 1);
        if (pages.length === 0) break;
        const outcome = await sink.ingest(feed, pages.length === 1 ? pages[0] : sink.join!(feed, pages));
        report = {
          ...report, pages: report.pages + pages.length, new: report.new + outcome.new, duplicate: report.duplicate + outcome.duplicate,
          watermark: pages[pages.length - 1].nextStartId,
        };
        onProgress?.(feed, report);
        if (!(await this.holdLease())) throw new Error('the collector lease was lost to another instance');
      }
      await sink.settle?.(feed);
      await this.status.recordSuccess(feed, this.clock.now());
      return report;
    } catch (error) {
      ahead.stop();
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ feed, error: message }, 'collecting a feed failed');
      await this.status.recordFailure(feed, message, this.clock.now());
      return { ...report, error: message };
    }
  }

  /** The page from `startId`; undefined past the end of the feed. */
  private async read(feed: UsageFeed, startId: string): Promise<FeedPage | undefined> {
    const { records, texts } = await this.client.page(feed, startId, this.settings.batchSize);
    if (records.length === 0) return undefined;
    return { records, texts, nextStartId: nextStartId(records, startId) };
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
