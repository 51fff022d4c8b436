import { inject, injectable } from 'inversify';
import { Logger } from '../../core/logging/logger';
import { IntervalScheduler } from '../scheduling/interval-scheduler';
import { CollectFeeds } from './collect-feeds';
import { CollectorSettings } from './collector-settings';

/** The collector every interval; a run in which any feed failed counts as failed and backs off. */
@injectable()
export class CollectorScheduler extends IntervalScheduler {
  constructor(
    @inject(CollectFeeds) private readonly collector: CollectFeeds,
    @inject(CollectorSettings) settings: CollectorSettings,
    @inject(Logger) logger: Logger,
  ) {
    super('collector', settings.intervalMs, logger);
  }

  protected async runJob(): Promise<boolean> {
    const report = await this.collector.collect();
    return report.status !== 'collected' || report.feeds.every((f) => f.error === undefined);
  }
}
