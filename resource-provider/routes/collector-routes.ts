import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { Clock } from '../../core/time/clock';
import { FeedStatusStore } from '../../core/usage/collection/feed-status-store';
import { CollectFeeds } from '../collector/collect-feeds';
import type { RouteContribution } from '../http/route-contribution';

/** Admins see each feed's watermark, last success, lag and last error, and can run the collector now. */
@injectable()
export class CollectorRoutes implements RouteContribution {
  constructor(
    @inject(FeedStatusStore) private readonly status: FeedStatusStore,
    @inject(CollectFeeds) private readonly collector: CollectFeeds,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  configure(router: Router): void {
    router.get('/admin/collector', async (_req, res) => {
      const now = this.clock.now().getTime();
      const feeds = (await this.status.list()).map((f) => ({
        ...f,
        lagSeconds: f.lastSuccessAt ? Math.round((now - f.lastSuccessAt.getTime()) / 1000) : null,
      }));
      res.json({ feeds });
    });
    router.post('/admin/collector/run', async (_req, res) => {
      res.json(await this.collector.collect());
    });
  }
}
