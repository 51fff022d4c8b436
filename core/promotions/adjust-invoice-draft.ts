import { injectable, multiInject } from 'inversify';
import type { AdjustmentLine, ChargeLine, InvoiceContext, LedgerEntryDraft, LoadedLineAdjuster } from './line-adjuster';
import { LineAdjuster } from './line-adjuster';

/** The lines to add to a draft, and the ledger rows `RecordCreditUses` writes when it is finalized. */
export interface DraftAdjustments {
  readonly lines: readonly AdjustmentLine[];
  readonly ledger: readonly LedgerEntryDraft[];
}

/**
 * Adds discount and credit lines to an invoice draft. THE order in which promotions, coupons and
 * credits apply, and why:
 *
 * 1. **Free units** (`FreeUnitsAllowance`, taken in `usageLines`) come off the metered quantity *before rating*,
 *    so the engine calls them itself, ahead of this class: an hour that is free is never priced,
 *    and tiers count from the first paid unit.
 * 2. **Promotions** (`PromotionAdjuster`, stage 20): automatic plan-level promotions, per charge
 *    line — trials, discount periods, recurring and sign-up discounts. Percentages before fixed
 *    amounts; each on what the line still costs.
 * 3. **Coupons** (`CouponAdjuster`, stage 30): promotions a coupon attached, the same way, on what
 *    is left after step 2.
 * 4. **Monetary credits** (`CreditAdjuster`, stage 40): on what each subscription still owes after
 *    discounts — a subscription's own grants first, then the account's team pool; among grants,
 *    the earliest expiry first (never-expiring last), then the oldest. Credits stop at zero: the
 *    invoice total never goes negative, and what a grant does not use stays on its balance.
 *
 * **Tax** is the engine's, on the amount after discounts *and* credits. The credits here are
 * granted, not bought: like a discount they lower the price the tenant pays, so tax is charged
 * on the net. (A prepaid balance a tenant bought would be a payment, applied after tax, and is
 * not modelled as a credit.) As tax is on the net, the total with tax is never negative either.
 *
 * Each line is rounded half-up to the currency once (`roundToCurrency`); the invoice total stays
 * the sum of its rounded lines. Nothing is written here: building a draft again gives the same
 * lines, and credit is used only when the invoice is finalized (`RecordCreditUses`, idempotent per
 * grant and invoice).
 */
@injectable()
export class AdjustInvoiceDraft {
  private readonly adjusters: readonly LineAdjuster[];

  constructor(@multiInject(LineAdjuster) adjusters: LineAdjuster[]) {
    this.adjusters = [...adjusters].sort((a, b) => a.stage - b.stage);
  }

  /** Runs every adjuster in stage order over the draft's charge lines (after free units and rating, before tax). */
  async adjust(charges: readonly ChargeLine[], context: InvoiceContext): Promise<DraftAdjustments> {
    return (await this.load([context.accountId])).adjust(charges, context);
  }

  /** Reads what every adjuster needs for the drafts of these accounts; `adjust` of the answer is `adjust` above without reading. */
  async load(accountIds: readonly string[]): Promise<LoadedDraftAdjustments> {
    const loaded: LoadedLineAdjuster[] = [];
    for (const adjuster of this.adjusters) loaded.push(await adjuster.load(accountIds));
    return {
      adjust(charges, context) {
        const lines: AdjustmentLine[] = [];
        const ledger: LedgerEntryDraft[] = [];
        for (const adjuster of loaded) {
          const added = adjuster.adjust(charges, lines, context);
          lines.push(...added.lines);
          ledger.push(...added.ledger);
        }
        return { lines, ledger };
      },
    };
  }
}

/** `AdjustInvoiceDraft` with the stored state of some accounts read. */
export interface LoadedDraftAdjustments {
  adjust(charges: readonly ChargeLine[], context: InvoiceContext): DraftAdjustments;
}
