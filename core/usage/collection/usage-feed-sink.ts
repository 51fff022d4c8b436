import { inject, injectable } from 'inversify';
import type { RawUsageRecord } from '../store/raw-usage-record';
import { UsageStore } from '../store/usage-store';
import type { FeedIngestOutcome, FeedPage, FeedSink } from './feed-sink';

/** The `/usage` feed goes to the usage store, which meters it on the way in. */
@injectable()
export class UsageFeedSink implements FeedSink {
  readonly feeds = ['usage'] as const;

  constructor(@inject(UsageStore) private readonly store: UsageStore) {}

  watermark(feed: string): Promise<string> {
    return this.store.watermark(feed);
  }

  async ingest(feed: string, page: FeedPage): Promise<FeedIngestOutcome> {
    const outcome = await this.store.ingest(feed, { records: page.records as readonly RawUsageRecord[], nextStartId: page.nextStartId });
    return { new: outcome.new, duplicate: outcome.duplicate };
  }
}
