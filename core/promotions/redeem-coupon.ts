import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { CouponRedemption } from './coupon';
import { CouponStore } from './coupon-store';

export type RedeemCouponError = 'unknown_code' | 'expired' | 'exhausted' | 'account_limit_reached' | 'already_redeemed';

/** Who redeems: an account, for itself (every subscription) or for one of its subscriptions. */
export interface RedeemCouponRequest {
  readonly code: string;
  readonly accountId: string;
  readonly subscriptionId?: string;
}

/**
 * Redeems a coupon. Idempotent per (code, account, subscription): a repeat changes nothing and
 * answers `already_redeemed`, so a tenant's double click or a retried request never counts twice.
 */
@injectable()
export class RedeemCoupon {
  constructor(@inject(CouponStore) private readonly coupons: CouponStore, @inject(Clock) private readonly clock: Clock) {}

  async redeem(request: RedeemCouponRequest): Promise<Result<CouponRedemption, RedeemCouponError>> {
    const coupon = await this.coupons.find(request.code);
    if (!coupon) return fail('unknown_code', `No coupon '${request.code}'`);
    const now = this.clock.now();
    if (coupon.expiresAt !== null && now >= coupon.expiresAt) return fail('expired', `Coupon '${coupon.code}' expired at ${coupon.expiresAt.toISOString()}`);
    const redemption: CouponRedemption = { code: coupon.code, accountId: request.accountId, subscriptionId: request.subscriptionId ?? null, redeemedAt: now };
    const outcome = await this.coupons.redeem(coupon, redemption);
    return outcome === 'redeemed' ? ok(redemption) : fail(outcome);
  }
}
