import { inject, injectable } from 'inversify';
import { applyPromotions, type PromotionAttachment } from './apply-promotions';
import { CouponStore } from './coupon-store';
import type { Adjustment, AdjustmentLine, ChargeLine, InvoiceContext, LineAdjuster, LoadedLineAdjuster } from './line-adjuster';
import type { Promotion } from './promotion';
import { PromotionStore } from './promotion-store';

/**
 * Stage 3: promotions that coupons attached to the account or one of its subscriptions. After
 * the automatic promotions, so a coupon's percentage takes its share of the already discounted
 * price and a coupon never pays back what a trial already gave.
 */
@injectable()
export class CouponAdjuster implements LineAdjuster {
  readonly stage = 30;
  readonly name = 'coupons';

  constructor(@inject(CouponStore) private readonly coupons: CouponStore, @inject(PromotionStore) private readonly promotions: PromotionStore) {}

  async load(accountIds: readonly string[]): Promise<LoadedLineAdjuster> {
    const redemptions = await this.coupons.redemptionsOfMany(accountIds);
    const promotions = new Map<string, Promotion | undefined>();
    for (const code of new Set([...redemptions.values()].flat().map((r) => r.code))) {
      const coupon = await this.coupons.find(code);
      promotions.set(code, coupon && (await this.promotions.find(coupon.promotionId)));
    }
    return {
      adjust: (charges: readonly ChargeLine[], earlier: readonly AdjustmentLine[], context: InvoiceContext): Adjustment => {
        const attachments: PromotionAttachment[] = [];
        // A code redeemed after the period closed applies from the next invoice on.
        const redeemed = (redemptions.get(context.accountId) ?? []).filter((r) => r.redeemedAt < context.period.to);
        const accountWide = new Set(redeemed.filter((r) => r.subscriptionId === null).map((r) => r.code));
        for (const redemption of redeemed) {
          // Redeemed for the whole account as well: one coupon never discounts a line twice.
          if (redemption.subscriptionId !== null && accountWide.has(redemption.code)) continue;
          const promotion = promotions.get(redemption.code);
          if (!promotion) continue;
          attachments.push({ promotion, couponCode: redemption.code, subscriptionId: redemption.subscriptionId, attachedAt: redemption.redeemedAt });
        }
        return { lines: applyPromotions(charges, earlier, attachments, context), ledger: [] };
      },
    };
  }
}
