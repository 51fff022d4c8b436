import type { Logger } from '../../core/logging/logger';

/** After failures the pause grows to at most this many intervals. */
const MAX_BACKOFF_FACTOR = 16;

/**
 * Runs a job now and then every interval. A run that fails (returns false or throws) doubles the
 * pause, up to 16 intervals, so an outage is not hammered; a clean run restores the interval.
 * Timers are unref'd: a scheduler never keeps the process alive.
 */
export abstract class IntervalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private backoff = 1;
  private stopped = true;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** One run of the job; false means it failed and the next run should wait longer. */
  protected abstract runJob(): Promise<boolean>;

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
    return this.intervalMs * this.backoff;
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
    let succeeded = false;
    try {
      succeeded = await this.runJob();
    } catch (error) {
      this.logger.error({ err: error, job: this.name }, 'scheduled job failed');
    }
    this.backoff = succeeded ? 1 : Math.min(this.backoff * 2, MAX_BACKOFF_FACTOR);
  }
}
