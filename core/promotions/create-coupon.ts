import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import type { Coupon } from './coupon';
import { CouponStore } from './coupon-store';
import { PromotionStore } from './promotion-store';

/** Issues a coupon code for an existing promotion. */
@injectable()
export class CreateCoupon {
  constructor(@inject(CouponStore) private readonly coupons: CouponStore, @inject(PromotionStore) private readonly promotions: PromotionStore) {}

  async create(coupon: Coupon): Promise<Result<Coupon, 'unknown_promotion' | 'code_taken' | 'invalid_coupon'>> {
    if (!/^[A-Z0-9_-]{1,64}$/.test(coupon.code)) return fail('invalid_coupon', 'a code is 1–64 of A–Z, 0–9, - and _');
    if (coupon.maxPerAccount < 1 || (coupon.maxRedemptions !== null && coupon.maxRedemptions < 1)) return fail('invalid_coupon', 'limits must be at least 1');
    if (!(await this.promotions.find(coupon.promotionId))) return fail('unknown_promotion', `No promotion '${coupon.promotionId}'`);
    return (await this.coupons.create(coupon)) ? ok(coupon) : fail('code_taken', `Coupon '${coupon.code}' exists`);
  }
}
