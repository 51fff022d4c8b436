import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { requireGuid } from '../http/path-params';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { CreditBalanceJson } from '../openapi/schemas/credit-schemas';
import { CreditBalanceView } from './credit-balance-view';

/**
 * A tenant's monetary credit, seen from one subscription. WAP checked that the caller owns the
 * subscription, not any account: the account is always the subscription's own, never one from the request.
 */
@injectable()
export class TenantCreditRoutes implements RouteContribution {
  constructor(
    @inject(GetSubscription) private readonly subscriptions: GetSubscription,
    @inject(CreditBalanceView) private readonly balances: CreditBalanceView,
  ) {}

  configure(router: Router): void {
    router.get('/subscriptions/:subscriptionId/credits', async (req, res) => {
      const { subscription } = valueOrThrow(await this.subscriptions.get(requireGuid(String(req.params.subscriptionId))));
      res.json(await this.balances.of(subscription.accountId));
    });
  }

  describe(): OpenApiPaths {
    return {
      '/subscriptions/{subscriptionId}/credits': {
        get: operation({
          summary: "The monetary credit of the subscription's account: what is available and each grant's balance",
          tags: ['tenant', 'credits'],
          parameters: [pathParam('subscriptionId', 'the subscription (a GUID); WAP checked that the caller owns it')],
          responses: { 200: jsonResponse('The balance', CreditBalanceJson) },
          errors: [400, 404],
        }),
      },
    };
  }
}
