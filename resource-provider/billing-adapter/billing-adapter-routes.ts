import type { Response, Router } from 'express';
import { inject, injectable } from 'inversify';
import type { BillingEvent } from '../../core/signup/billing-decision';
import { ReviewSignup } from '../../core/signup/review-signup';
import type { RouteContribution } from '../http/route-contribution';
import { operation, noContent, wapErrorResponse } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { UsageEvent } from '../wap/contract/usage-event';
import { valueOrThrow } from '../http/use-case-errors';
import { sendWapError } from '../http/wap-error';
import { subscriptionAddOnEventOf, subscriptionEventOf } from './billing-event-mapping';

/** Where WAP's notification subscriber registration points (`Set-MgmtSvcNotificationSubscriber -Endpoint`). */
export const BILLING_ADAPTER_BASE = '/billingadapter';

/**
 * CONTRACT §6: WAP's blocking billing approval. WAP reads only the status (below 400 approves);
 * a rejection also carries a WAP error body so that an admin reading the log sees why.
 */
@injectable()
export class BillingAdapterRoutes implements RouteContribution {
  constructor(@inject(ReviewSignup) private readonly review: ReviewSignup) {}

  configure(router: Router): void {
    router.post(`${BILLING_ADAPTER_BASE}/subscriptions`, async (req, res) => {
      await this.decide(subscriptionEventOf(req.body), res);
    });
    // Section 6 sends an added add-on with PUT and a removed one with POST; the body's Method says which.
    router.put(`${BILLING_ADAPTER_BASE}/subscriptionAddons`, async (req, res) => {
      await this.decide(subscriptionAddOnEventOf(req.body), res);
    });
    router.post(`${BILLING_ADAPTER_BASE}/subscriptionAddons`, async (req, res) => {
      await this.decide(subscriptionAddOnEventOf(req.body), res);
    });
  }

  describe(): OpenApiPaths {
    const decide = (summary: string) =>
      operation({
        summary,
        description: 'WAP reads only the status: below 400 approves, 400 and above rejects (CONTRACT §6).',
        tags: ['billing-adapter'],
        body: { schema: UsageEvent },
        responses: { 204: noContent('Approved'), 403: wapErrorResponse('Rejected; the message says why') },
        errors: [400],
      });
    return {
      [`${BILLING_ADAPTER_BASE}/subscriptions`]: { post: decide('Approve a subscription event: Method POST (created), PUT/PATCH (changed) or DELETE (deleted)') },
      [`${BILLING_ADAPTER_BASE}/subscriptionAddons`]: {
        put: decide('Approve a subscription add-on being added'),
        post: decide('Approve a subscription add-on event: Method DELETE (removed)'),
      },
    };
  }

  private async decide(event: BillingEvent, res: Response): Promise<void> {
    const decision = valueOrThrow(await this.review.review(event));
    if (decision.verdict === 'approved') {
      res.status(204).end();
      return;
    }
    sendWapError(res, 403, 'SignupRejected', decision.reason ?? 'Billing rejected the change');
  }
}
