import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { requireGuid } from '../http/path-params';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
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

  describe(): OpenApiPaths {
    const state = Type.Union(['active', 'suspended', 'deleted-pending', 'deleted'].map((s) => Type.Literal(s)));
    return {
      '/subscriptions/{subscriptionId}': {
        get: operation({
          summary: "The tenant's own subscription: plan, state and state history",
          tags: ['tenant'],
          parameters: [pathParam('subscriptionId', 'the subscription (a GUID); WAP checked that the caller owns it')],
          responses: {
            200: jsonResponse('The subscription', Type.Object({
              subscriptionId: Type.String(),
              name: Type.Union([Type.String(), Type.Null()]),
              planId: Type.Union([Type.String(), Type.Null()]),
              state,
              history: Type.Array(Type.Object({ state, changedAt: Type.String({ format: 'date-time' }) })),
            }, { title: 'TenantSubscription' })),
          },
          errors: [400, 404],
        }),
      },
    };
  }
}
