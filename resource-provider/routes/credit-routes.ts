import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { accountIdOf } from '../../core/accounts/account';
import { CreditStore } from '../../core/credits/credit-store';
import { GrantCredit } from '../../core/credits/grant-credit';
import { MeterRegistry } from '../../core/plugin-host/meter-registry';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { Clock } from '../../core/time/clock';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { AccountCreditsJson, GrantBody, GrantJson } from '../openapi/schemas/credit-schemas';
import { CreditBalanceView } from './credit-balance-view';
import { grantFrom, grantJson, ledgerJson } from './credit-bodies';

/** Admins grant credit (money or free units) to an account and read its grants, balance and ledger. */
@injectable()
export class CreditRoutes implements RouteContribution {
  constructor(
    @inject(GrantCredit) private readonly granter: GrantCredit,
    @inject(CreditStore) private readonly credits: CreditStore,
    @inject(CreditBalanceView) private readonly balances: CreditBalanceView,
    @inject(GetSubscription) private readonly subscriptions: GetSubscription,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  configure(router: Router): void {
    router.post('/admin/accounts/:accountId/credit-grants', async (req, res) => {
      const accountId = accountIdOf(String(req.params.accountId));
      const grant = grantFrom(accountId, req.body, this.clock.now());
      if (grant.subscriptionId !== null) {
        const { subscription } = valueOrThrow(await this.subscriptions.get(grant.subscriptionId));
        if (subscription.accountId !== accountId) {
          throw new HttpError(409, 'SubscriptionOwnedByAnotherAccount', 'CreditGrant.subscriptionId belongs to another account; nothing was granted');
        }
      }
      // An allowance of a meter nobody reports would never be used, and the mistake would show only on an invoice.
      if (grant.kind === 'free-units' && !this.meters.meter(grant.meterId)) {
        throw new HttpError(400, 'BadRequest', `CreditGrant.meterId '${grant.meterId}' is not a meter of any installed plugin`);
      }
      res.status(201).json(grantJson(valueOrThrow(await this.granter.grant(grant))));
    });

    router.get('/admin/accounts/:accountId/credits', async (req, res) => {
      const accountId = accountIdOf(String(req.params.accountId));
      const [grants, ledger, balance] = await Promise.all([this.credits.grantsOf(accountId), this.credits.ledgerOf(accountId), this.balances.of(accountId)]);
      res.json({ accountId, balance, grants: grants.map((g) => grantJson(g)), ledger: ledger.map(ledgerJson) });
    });
  }

  describe(): OpenApiPaths {
    const tags = ['admin', 'credits'];
    const accountId = pathParam('accountId', 'the WAP user billed (an e-mail address, compared without case)');
    return {
      '/admin/accounts/{accountId}/credit-grants': {
        post: operation({
          summary: 'Grant money (a balance taken by invoices) or free units of a meter per period', tags, parameters: [accountId],
          description: 'Decimals are strings. With an `id`, a retry is refused with 409 GrantExists and grants nothing more.',
          body: { schema: GrantBody },
          responses: { 201: jsonResponse('Granted', GrantJson) },
          errors: [400, 404, 409],
        }),
      },
      '/admin/accounts/{accountId}/credits': {
        get: operation({
          summary: "The account's grants, monetary balance in its currency, and credit ledger", tags, parameters: [accountId],
          responses: { 200: jsonResponse('The credits', AccountCreditsJson) },
        }),
      },
    };
  }
}
