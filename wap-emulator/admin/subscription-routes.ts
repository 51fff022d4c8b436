import { Router } from 'express';
import { WapHttpError } from '../contract/wap-error';
import { AdminSubscriptionState } from '../contract/wap-types';
import { addSubscriptionAddOn } from '../lifecycle/add-subscription-add-on';
import { changeSubscriptionPlan } from '../lifecycle/change-subscription-plan';
import { changeSubscriptionState } from '../lifecycle/change-subscription-state';
import { deleteSubscription } from '../lifecycle/delete-subscription';
import { provisionSubscription } from '../lifecycle/provision-subscription';
import { removeSubscriptionAddOn } from '../lifecycle/remove-subscription-add-on';
import { principalOf } from './admin-auth';
import type { AdminRouteDeps } from './admin-route-deps';
import { key } from './admin-store';
import { valueOrThrow } from './lifecycle-errors';
import { bodyObject, optionalString, queryResult, requiredString } from './request-body';

/** `/subscriptions` (section 7) and their add-ons; the use cases do the WAP calls. */
export function subscriptionRoutes({ store, lifecycle }: AdminRouteDeps): Router {
  const router = Router();

  router.post('/subscriptions', async (req, res) => {
    const body = bodyObject(req.body, 'AzureProvisioningInfo');
    const coAdmins = body.CoAdminNames;
    const input = {
      SubscriptionId: optionalString(body, 'SubscriptionId'),
      FriendlyName: optionalString(body, 'FriendlyName'),
      PlanId: requiredString(body, 'PlanId'),
      AccountAdminLiveEmailId: requiredString(body, 'AccountAdminLiveEmailId'),
      CoAdminNames: Array.isArray(coAdmins) ? coAdmins.map(String) : undefined,
    };
    res.status(200).json(valueOrThrow(await provisionSubscription(lifecycle, input, principalOf(req.headers))));
  });

  router.get('/subscriptions', (_req, res) => {
    res.json(queryResult([...store.subscriptions.values()]));
  });

  router.get('/subscriptions/:id', (req, res) => {
    const subscription = store.subscriptions.get(key(req.params.id));
    if (!subscription) throw new WapHttpError(404, 'SubscriptionNotFound', `No subscription '${req.params.id}'.`);
    res.json(subscription);
  });

  // Accepts the short `{SubscriptionId, Status}` and the fuller AzureProvisioningInfo; Status and
  // PlanId are applied (a PlanId other than the one held moves the subscription to that plan).
  router.patch('/subscriptions/:id', async (req, res) => {
    const body = bodyObject(req.body, 'AzureProvisioningInfo');
    const bodyId = optionalString(body, 'SubscriptionId');
    if (bodyId && key(bodyId) !== key(req.params.id)) {
      throw new WapHttpError(400, 'BadRequest', 'SubscriptionId in the body differs from the one in the path.');
    }
    const planId = optionalString(body, 'PlanId');
    if (body.Status === undefined && planId === undefined) throw new WapHttpError(400, 'BadRequest', 'Status or PlanId is required.');
    const principal = principalOf(req.headers);
    let subscription = planId === undefined ? undefined : valueOrThrow(await changeSubscriptionPlan(lifecycle, req.params.id, planId, principal));
    if (body.Status !== undefined) subscription = valueOrThrow(await changeSubscriptionState(lifecycle, req.params.id, statusOf(body.Status), principal));
    res.json(subscription);
  });

  router.delete('/subscriptions/:id', async (req, res) => {
    res.status(202).json(valueOrThrow(await deleteSubscription(lifecycle, req.params.id, principalOf(req.headers))));
  });

  router.post('/subscriptions/:id/addons', async (req, res) => {
    const body = bodyObject(req.body, 'AddOnReference');
    const input = { AddOnId: requiredString(body, 'AddOnId'), AddOnInstanceId: optionalString(body, 'AddOnInstanceId') };
    res.status(200).json(valueOrThrow(await addSubscriptionAddOn(lifecycle, req.params.id, input, principalOf(req.headers))));
  });

  router.delete('/subscriptions/:id/addons/:instanceId', async (req, res) => {
    res.json(valueOrThrow(await removeSubscriptionAddOn(lifecycle, req.params.id, req.params.instanceId,
      principalOf(req.headers))));
  });

  return router;
}

/** Names as WAP's clients send them, or the admin-side numbers of section 7. */
function statusOf(status: unknown): AdminSubscriptionState.Active | AdminSubscriptionState.Suspended {
  const name = typeof status === 'string' ? status.toLowerCase() : status;
  if (name === 'active' || name === AdminSubscriptionState.Active) return AdminSubscriptionState.Active;
  if (name === 'suspended' || name === AdminSubscriptionState.Suspended) return AdminSubscriptionState.Suspended;
  throw new WapHttpError(400, 'BadRequest', `Status must be "Active" or "Suspended", not ${JSON.stringify(status)}.`);
}
