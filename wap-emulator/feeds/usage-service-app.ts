import express, { Express } from 'express';
import { feedOfPath, feedPaths, FeedName } from '../contract/feeds';
import { sendError } from '../contract/wap-error';
import type { CallLog } from '../control/call-log';
import { wapErrorHandler } from '../control/error-handler';
import type { FaultInjector } from '../control/fault-injector';
import { recordInbound } from '../control/record-inbound';
import { usageBasicAuth } from './basic-auth';
import type { FeedSource } from './feed-source';
import { firstIdOf, parseFeedQuery } from './feed-query';

export interface UsageServiceDeps {
  username: string;
  password: string;
  feeds: (name: FeedName) => FeedSource<unknown>;
  faults: FaultInjector;
  calls: CallLog;
  /** Read on every request, so a test may change it while the emulator runs. */
  overlap: () => number;
}

/** The Usage Service (section 5): seven read-only feeds paged by `startId` and `batchSize`. */
export function usageServiceApp(deps: UsageServiceDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(recordInbound(deps.calls, 'usage'));
  app.use(usageBasicAuth(deps.username, deps.password));
  app.use(deps.faults.middleware(req => feedOfPath(req.path)));
  app.get(/.*/, (req, res, next) => {
    const feed = feedOfPath(req.path);
    if (!feed) return next();
    const query = parseFeedQuery(req);
    const source = deps.feeds(feed);
    // Past the end even an overlapping feed answers []: a collector stops on an empty page.
    res.json(query.startId > source.lastEventId ? [] : source.page(firstIdOf(query, deps.overlap()), query.batchSize));
  });
  app.use((req, res) => sendError(res, 404, 'NotFound',
    `No Usage Service route ${req.method} ${req.path}; the feeds are ${Object.values(feedPaths).join(', ')}.`));
  app.use(wapErrorHandler);
  return app;
}
