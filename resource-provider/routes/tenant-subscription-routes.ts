import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { requireGuid } from '../http/path-params';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';

/** What a tenant sees of its own subscription: plan, state and the history billing relies on. */
@injectable()
export class TenantSubscriptionRoutes implements RouteContribution {
  constructor(@inject(GetSubscription) private readonly subscriptions: GetSubscription) {}

  configure(router: Router): void {
    router.get('/subscriptions/:subscriptionId', async (req, res) => {
      const { subscription, history } = valueOrThrow(await this.subscriptions.get(requireGuid(req.params.subscriptionId)));
      res.json({
        subscriptionId: subscription.id,
        name: subscription.name,
        planId: subscription.planId,
        state: subscription.state,
        history: history.map((h) => ({ state: h.state, changedAt: h.changedAt })),
      });
    });
  }
}
