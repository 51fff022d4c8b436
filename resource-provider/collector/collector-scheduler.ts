import { inject, injectable } from 'inversify';
import { Logger } from '../../core/logging/logger';
import { CollectFeeds } from './collect-feeds';
import { CollectorSettings } from './collector-settings';

/** After failures the pause grows to at most this many intervals. */
const MAX_BACKOFF_FACTOR = 16;

/**
 * Runs the collector now and then every interval. A run in which a feed failed doubles the pause
 * (up to 16 intervals) so a WAP outage is not hammered; a clean run restores the interval.
 */
@injectable()
export class CollectorScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private backoff = 1;
  private stopped = true;

  constructor(
    @inject(CollectFeeds) private readonly collector: CollectFeeds,
    @inject(CollectorSettings) private readonly settings: CollectorSettings,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Cancels the next run and waits for one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** The pause before the next run, for tests and the admin view. */
  nextDelayMs(): number {
    return this.settings.intervalMs * this.backoff;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.schedule(this.nextDelayMs());
      });
    }, delayMs);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    try {
      const report = await this.collector.collect();
      const failed = report.status === 'collected' && report.feeds.some((f) => f.error !== undefined);
      this.backoff = failed ? Math.min(this.backoff * 2, MAX_BACKOFF_FACTOR) : 1;
    } catch (error) {
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_FACTOR);
      this.logger.error({ err: error }, 'collector run failed');
    }
  }
}
