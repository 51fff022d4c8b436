import type { FeedPage } from '../../core/usage/collection/feed-sink';

/** A page asked for: settled once it is read and prepared. */
interface Pending {
  settled: Promise<void>;
  page?: FeedPage;
  failure?: { readonly error: unknown };
}

/**
 * The pages of one feed, read and prepared ahead of the ones being stored. Requests go one after
 * the other, each from where the page before it ends (its `nextStartId`), and the next request
 * leaves as soon as a page has arrived, while that page is prepared: WAP's answering time then
 * overlaps with the work on the page before. At most `limit` pages are asked for and not yet
 * taken; reading stops at the end of the feed (no page) or at a failure, which `take` throws
 * once every page before it has been taken.
 */
export class ReadAhead {
  private readonly pending: Pending[] = [];
  private ended = false;
  private stopped = false;
  private reading = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly read: (startId: string) => Promise<FeedPage | undefined>,
    private readonly prepare: (page: FeedPage) => Promise<FeedPage>,
    private startId: string,
    private readonly limit: number,
  ) {
    this.readOn();
  }

  /** The pages ready so far, at least one and at most `most`, in feed order; none past the end of the feed. */
  async take(most: number): Promise<FeedPage[]> {
    while (this.pending.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.pending.length === 0) return [];
    await this.pending[0].settled;
    const pages: FeedPage[] = [];
    while (pages.length < most && this.pending.length > 0 && (this.pending[0].page || this.pending[0].failure)) {
      const [first] = this.pending;
      if (first.failure) {
        if (pages.length > 0) break;
        this.pending.shift();
        throw first.failure.error;
      }
      pages.push(first.page!);
      this.pending.shift();
    }
    this.readOn();
    return pages;
  }

  /** Asks for nothing more (storing failed): what is in flight ends unheeded. */
  stop(): void {
    this.stopped = true;
  }

  private readOn(): void {
    if (this.reading || this.ended || this.stopped) return;
    this.reading = true;
    void this.readWhileRoom().finally(() => {
      this.reading = false;
      this.wakeUp();
    });
  }

  private async readWhileRoom(): Promise<void> {
    while (this.pending.length < this.limit && !this.ended && !this.stopped) {
      let page: FeedPage | undefined;
      try {
        page = await this.read(this.startId);
      } catch (error) {
        // Nothing is asked for past a failed request: the pages before it are still handed over.
        this.pending.push({ settled: Promise.resolve(), failure: { error } });
        this.ended = true;
        break;
      }
      if (!page) {
        this.ended = true;
        break;
      }
      this.startId = page.nextStartId;
      const pending = {} as Pending;
      pending.settled = this.prepare(page).then(
        (prepared) => void (pending.page = prepared),
        (error: unknown) => void (pending.failure = { error }),
      );
      this.pending.push(pending);
      this.wakeUp();
    }
  }

  private wakeUp(): void {
    this.wake?.();
    this.wake = undefined;
  }
}
