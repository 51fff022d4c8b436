import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { Clock } from '../../core/time/clock';
import { FeedStatusStore } from '../../core/usage/collection/feed-status-store';
import { CollectFeeds } from '../collector/collect-feeds';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { CollectionReport, FeedStatus } from '../openapi/schemas/operations-schemas';

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

  describe(): OpenApiPaths {
    return {
      '/admin/collector': {
        get: operation({
          summary: 'Each WAP feed\'s watermark, last success, lag and last error',
          tags: ['admin'],
          responses: { 200: jsonResponse('The feeds', Type.Object({ feeds: Type.Array(FeedStatus) })) },
        }),
      },
      '/admin/collector/run': {
        post: operation({ summary: 'Run the collector now, until every feed answers an empty page', tags: ['admin'], responses: { 200: jsonResponse('What was collected', CollectionReport) } }),
      },
    };
  }
}
