import express, { Router } from 'express';
import type { Container } from 'inversify';
import { Logger } from '../core/logging/logger';
import { ResourceProviderSettings } from './config/settings';
import { basicAuth } from './http/basic-auth';
import { requestLogging } from './http/request-logging';
import { PublicRouteContribution, RouteContribution } from './http/route-contribution';
import { notFoundHandler, wapErrorHandler } from './http/wap-error';

/** WAP sends small JSON documents; anything larger than this is refused with 413. */
export const BODY_LIMIT = '1mb';

/** Mounts every route contribution: public ones first, then the rest behind WAP's Basic credentials. */
export function createApp(container: Container): express.Express {
  const settings = container.get<ResourceProviderSettings>(ResourceProviderSettings);
  const logger = container.get<Logger>(Logger);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLogging(logger));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'text/json', 'application/*+json'] }));

  const open = Router();
  for (const contribution of container.getAll<RouteContribution>(PublicRouteContribution)) contribution.configure(open);
  app.use(open);

  const guarded = Router();
  for (const contribution of container.getAll<RouteContribution>(RouteContribution)) contribution.configure(guarded);
  app.use(basicAuth(settings.rpUsername, settings.rpPassword), guarded);

  app.use(notFoundHandler);
  app.use(wapErrorHandler(logger));
  return app;
}
