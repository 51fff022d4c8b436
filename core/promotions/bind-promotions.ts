import type { ContainerModuleLoadOptions } from 'inversify';
import { AdjustInvoiceDraft } from './adjust-invoice-draft';
import { CouponAdjuster } from './coupon-adjuster';
import { CreateCoupon } from './create-coupon';
import { DefinePromotion } from './define-promotion';
import { LineAdjuster } from './line-adjuster';
import { PromotionAdjuster } from './promotion-adjuster';
import { RedeemCoupon } from './redeem-coupon';

/** Promotions, coupons and the draft adjustment pipeline; the stores are bound by persistence. */
export function bindPromotions(bind: ContainerModuleLoadOptions['bind']): void {
  bind(DefinePromotion).toSelf().inSingletonScope();
  bind(CreateCoupon).toSelf().inSingletonScope();
  bind(RedeemCoupon).toSelf().inSingletonScope();
  bind(PromotionAdjuster).toSelf().inSingletonScope();
  bind(LineAdjuster).toService(PromotionAdjuster);
  bind(CouponAdjuster).toSelf().inSingletonScope();
  bind(LineAdjuster).toService(CouponAdjuster);
  bind(AdjustInvoiceDraft).toSelf().inSingletonScope();
}
