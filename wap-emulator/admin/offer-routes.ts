import { Router } from 'express';
import { WapHttpError } from '../contract/wap-error';
import { createAddOn, createPlan, OfferInput, OfferResult } from '../lifecycle/create-offers';
import type { AdminRouteDeps } from './admin-route-deps';
import { key } from './admin-store';
import { bodyObject, queryResult, requiredString } from './request-body';

/** `/plans` and `/addons`: create, list, get. Each creation lands in the billing feeds. */
export function offerRoutes({ store, lifecycle }: AdminRouteDeps): Router {
  const router = Router();
  const ctx = () => ({ store, feeds: lifecycle.feeds, at: lifecycle.now() });

  router.post('/plans', (req, res) => {
    res.status(201).json(created(createPlan(ctx(), offerInput(req.body))));
  });
  router.get('/plans', (_req, res) => {
    res.json(queryResult([...store.plans.values()]));
  });
  router.get('/plans/:id', (req, res) => {
    const plan = store.plans.get(key(req.params.id));
    if (!plan) throw new WapHttpError(404, 'PlanNotFound', `No plan '${req.params.id}'.`);
    res.json(plan);
  });

  router.post('/addons', (req, res) => {
    res.status(201).json(created(createAddOn(ctx(), offerInput(req.body))));
  });
  router.get('/addons', (_req, res) => {
    res.json(queryResult([...store.addOns.values()]));
  });
  router.get('/addons/:id', (req, res) => {
    const addOn = store.addOns.get(key(req.params.id));
    if (!addOn) throw new WapHttpError(404, 'AddOnNotFound', `No add-on '${req.params.id}'.`);
    res.json(addOn);
  });

  return router;
}

function offerInput(raw: unknown): OfferInput {
  const body = bodyObject(raw, 'plan or add-on');
  requiredString(body, 'DisplayName');
  return body as unknown as OfferInput;
}

function created<T>(result: OfferResult<T>): T {
  if (result.ok) return result.value;
  if (result.error === 'offer_exists') throw new WapHttpError(409, 'OfferAlreadyExists', 'An offer with this Id exists.');
  throw new WapHttpError(400, 'AddOnNotFound', 'An add-on named in AddOnIds does not exist.');
}
