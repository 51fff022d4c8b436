import { inject, injectable } from 'inversify';
import { UsageStore, type UsagePage } from '../store/usage-store';
import type { FeedIngestOutcome, FeedPage, FeedSink } from './feed-sink';

/** The `/usage` feed goes to the usage store, which meters it on the way in. WAP's records are taken as `RawUsageRecord`s; the store checks what it reads. */
@injectable()
export class UsageFeedSink implements FeedSink {
  readonly feeds = ['usage'] as const;

  constructor(@inject(UsageStore) private readonly store: UsageStore) {}

  watermark(feed: string): Promise<string> {
    return this.store.watermark(feed);
  }

  prepare(feed: string, page: FeedPage): FeedPage {
    return this.store.prepare(feed, page as UsagePage);
  }

  async ingest(feed: string, page: FeedPage): Promise<FeedIngestOutcome> {
    const outcome = await this.store.ingest(feed, page as UsagePage);
    return { new: outcome.new, duplicate: outcome.duplicate };
  }
}
