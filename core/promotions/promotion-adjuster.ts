import { inject, injectable } from 'inversify';
import { applyPromotions } from './apply-promotions';
import type { Adjustment, AdjustmentLine, ChargeLine, InvoiceContext, LineAdjuster, LoadedLineAdjuster } from './line-adjuster';
import { PromotionStore } from './promotion-store';

/** Stage 2: automatic plan-level promotions (trials, discount periods, sign-up discounts). */
@injectable()
export class PromotionAdjuster implements LineAdjuster {
  readonly stage = 20;
  readonly name = 'promotions';

  constructor(@inject(PromotionStore) private readonly promotions: PromotionStore) {}

  async load(): Promise<LoadedLineAdjuster> {
    const attachments = (await this.promotions.automatic()).map((promotion) => ({ promotion, subscriptionId: null, attachedAt: null }));
    return {
      adjust: (charges: readonly ChargeLine[], earlier: readonly AdjustmentLine[], context: InvoiceContext): Adjustment =>
        ({ lines: applyPromotions(charges, earlier, attachments, context), ledger: [] }),
    };
  }
}
