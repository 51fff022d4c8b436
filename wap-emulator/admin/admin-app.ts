import express, { Express } from 'express';
import { sendError } from '../contract/wap-error';
import { wapErrorHandler } from '../control/error-handler';
import type { FaultInjector } from '../control/fault-injector';
import { recordInbound } from '../control/record-inbound';
import { adminAuth } from './admin-auth';
import type { AdminRouteDeps } from './admin-route-deps';
import { emulatorRoutes } from './emulator-routes';
import { offerRoutes } from './offer-routes';
import { resourceProviderRoutes } from './resource-provider-routes';
import { subscriptionRoutes } from './subscription-routes';
import { userRoutes } from './user-routes';
import { verificationRoutes } from './verification-routes';

export interface AdminAppDeps extends AdminRouteDeps {
  token: string;
  faults: FaultInjector;
}

/** The Admin API subset (sections 2 and 7) plus the emulator's own `/emulator` routes. */
export function adminApp(deps: AdminAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(express.json({ limit: '50mb' }));
  app.use(recordInbound(deps.calls, 'admin'));
  app.use(adminAuth(deps.token));
  app.use(deps.faults.middleware(req => (req.path.startsWith('/emulator/') ? undefined : 'admin')));
  for (const routes of [resourceProviderRoutes, verificationRoutes, userRoutes, offerRoutes, subscriptionRoutes, emulatorRoutes]) {
    app.use(routes(deps));
  }
  app.use((req, res) => sendError(res, 404, 'NotFound', `The Admin API emulator has no route ${req.method} ${req.path}.`));
  app.use(wapErrorHandler);
  return app;
}
