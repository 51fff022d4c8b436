import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { RedeemCoupon } from '../../core/promotions/redeem-coupon';
import { GetSubscription } from '../../core/subscriptions/get-subscription';
import { requireGuid } from '../http/path-params';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { jsonResponse, operation, pathParam, wapErrorResponse } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { RedeemBody, RedemptionJson } from '../openapi/schemas/promotion-schemas';
import { validBody } from '../wap/contract/validate';

/** A tenant redeems a coupon for one of its subscriptions; the account is the subscription's own, never one from the request. */
@injectable()
export class TenantCouponRoutes implements RouteContribution {
  constructor(
    @inject(GetSubscription) private readonly subscriptions: GetSubscription,
    @inject(RedeemCoupon) private readonly redeemer: RedeemCoupon,
  ) {}

  configure(router: Router): void {
    router.post('/subscriptions/:subscriptionId/coupons', async (req, res) => {
      const { subscription } = valueOrThrow(await this.subscriptions.get(requireGuid(String(req.params.subscriptionId))));
      // Codes are issued upper case only, so a tenant's "spring25" can mean nothing else.
      const code = validBody(RedeemBody, req.body, 'CouponRedemption').code.trim().toUpperCase();
      const redemption = valueOrThrow(await this.redeemer.redeem({ code, accountId: subscription.accountId, subscriptionId: subscription.id }));
      res.status(201).json({ ...redemption, redeemedAt: redemption.redeemedAt.toISOString() });
    });
  }

  describe(): OpenApiPaths {
    return {
      '/subscriptions/{subscriptionId}/coupons': {
        post: operation({
          summary: 'Redeem a coupon for this subscription',
          description: 'Codes are matched without case. A repeat for the same subscription changes nothing and answers 409 CouponAlreadyRedeemed; '
            + 'a used-up code 409 CouponExhausted; one over the per-account limit 409 CouponAccountLimitReached; an expired code 410 CouponExpired.',
          tags: ['tenant', 'promotions'],
          parameters: [pathParam('subscriptionId', 'the subscription (a GUID); WAP checked that the caller owns it')],
          body: { schema: RedeemBody },
          responses: { 201: jsonResponse('Redeemed: the promotion now applies to the subscription', RedemptionJson), 410: wapErrorResponse('The coupon has expired') },
          errors: [400, 404, 409],
        }),
      },
    };
  }
}
