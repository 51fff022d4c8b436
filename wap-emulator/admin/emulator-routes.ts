import { Router } from 'express';
import { WapHttpError } from '../contract/wap-error';
import type { UsageRecordInput } from '../feeds/usage-log';
import type { AdminRouteDeps } from './admin-route-deps';
import { key } from './admin-store';
import { parseSubscriber } from './subscriber-input';

/**
 * Routes real WAP does not have, under `/emulator`, for scripts that drive a standalone emulator:
 * notification subscribers (WAP keeps them in its database, set by PowerShell), appending usage,
 * and reading the call log.
 */
export function emulatorRoutes({ store, usage, calls }: AdminRouteDeps): Router {
  const router = Router();

  // Like `Set-MgmtSvcNotificationSubscriber -Force`: the same Name replaces the earlier entry.
  router.post('/emulator/notificationSubscribers', (req, res) => {
    const subscriber = parseSubscriber(req.body);
    store.notificationSubscribers.set(key(subscriber.Name), subscriber);
    res.status(200).json(subscriber);
  });
  router.get('/emulator/notificationSubscribers', (_req, res) => {
    res.json([...store.notificationSubscribers.values()]);
  });
  router.delete('/emulator/notificationSubscribers/:name', (req, res) => {
    if (!store.notificationSubscribers.delete(key(req.params.name))) {
      throw new WapHttpError(404, 'NotFound', `No notification subscriber '${req.params.name}'.`);
    }
    res.status(200).end();
  });

  router.post('/emulator/usage', (req, res) => {
    if (!Array.isArray(req.body)) throw new WapHttpError(400, 'BadRequest', 'The body must be an array of usage records.');
    const records = req.body as UsageRecordInput[];
    if (records.some(r => typeof r?.SubscriptionId !== 'string' || typeof r.ProviderName !== 'string'
      || typeof r.Resources !== 'object' || r.Resources === null)) {
      throw new WapHttpError(400, 'BadRequest', 'Each record needs SubscriptionId, ProviderName and Resources.');
    }
    res.status(200).json(usage.append(records));
  });

  router.get('/emulator/calls', (req, res) => {
    const direction = req.query.direction === 'in' || req.query.direction === 'out' ? req.query.direction : undefined;
    res.json(calls.list({ direction }));
  });

  return router;
}
