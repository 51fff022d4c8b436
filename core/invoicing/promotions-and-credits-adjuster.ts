import { inject, injectable } from 'inversify';
import { roundToCurrency } from '../money/round-to-currency';
import type { AdjustmentLine, ChargeLine, LedgerEntryDraft } from '../promotions/line-adjuster';
import { AdjustInvoiceDraft } from '../promotions/adjust-invoice-draft';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import { BillingProfileStore, cycleOf } from './billing-profile';
import { LEDGER_DETAIL, type DraftLine, type ReservedLedgerEntry } from './invoice';
import type { AdjusterInput, InvoiceLineAdjuster, LoadedInvoiceLineAdjuster } from './invoice-line-adjuster';
import { InvoiceStore } from './invoice-store';
import { groupBy } from '../shared/group-by';

/**
 * Promotions, coupons and credits on an invoice (core/promotions, core/credits), before tax: tax
 * is on what is left after discounts and granted credit. Credit is only reserved here, in the
 * line's detail; it is taken from the ledger when the invoice is finalized (`FinalizeInvoice`)
 * and given back when it is voided, so a draft can be rebuilt any number of times.
 */
@injectable()
export class PromotionsAndCreditsAdjuster implements InvoiceLineAdjuster {
  readonly id = 'promotions-and-credits';
  readonly stage = 'before-tax' as const;
  readonly order = 10;

  constructor(
    @inject(AdjustInvoiceDraft) private readonly adjustments: AdjustInvoiceDraft,
    @inject(BillingProfileStore) private readonly profiles: BillingProfileStore,
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
  ) {}

  async load(accountIds: readonly string[]): Promise<LoadedInvoiceLineAdjuster> {
    const profiles = await this.profiles.findMany(accountIds);
    const finalized = groupBy(await this.invoices.summariesOf(accountIds, 'finalized'), (i) => i.accountId);
    const signedUp = await this.subscriptions.signUpTimes(accountIds);
    const adjustments = await this.adjustments.load(accountIds);
    return {
      adjust: (input: AdjusterInput): readonly DraftLine[] => {
        const charges = chargeLinesOf(input);
        const profile = profiles.get(input.accountId);
        if (charges.length === 0 || !profile) return [];
        const earlier = (finalized.get(input.accountId) ?? []).filter((i) => i.period.from.getTime() < input.period.from.getTime()).length;
        const subscriptions = [...new Set(charges.map((c) => c.subscriptionId))]
          .map((subscriptionId) => ({ subscriptionId, signedUpAt: signedUp.get(subscriptionId) ?? input.period.from }));
        const { lines, ledger } = adjustments.adjust(charges, {
          invoiceId: input.invoiceKey,
          accountId: input.accountId,
          currency: input.currency,
          period: input.period,
          cycle: cycleOf(profile),
          zone: profile.timeZone,
          invoiceSequence: earlier + 1,
          subscriptions,
        });
        return lines.map((line) => draftLineOf(line, ledger.filter((e) => line.source.type === 'credit-grant' && e.grantId === line.source.grantId), input));
      },
    };
  }
}

/** The fees and usage of the draft as the adjusters read them: each rounded as it will be printed. */
function chargeLinesOf(input: AdjusterInput): ChargeLine[] {
  return input.lines.flatMap((line, index): ChargeLine[] => {
    if ((line.kind !== 'fixed-fee' && line.kind !== 'usage') || !line.subscriptionId) return [];
    return [{
      id: `line-${index}`,
      subscriptionId: line.subscriptionId,
      kind: line.kind === 'fixed-fee' ? 'fixed' : 'usage',
      meterId: line.meterId ?? undefined,
      planId: String(line.detail.planId ?? ''),
      quantity: line.quantity ?? undefined,
      amount: roundToCurrency(line.unroundedAmount, input.currency),
      period: line.servicePeriod,
    }];
  });
}

function draftLineOf(line: AdjustmentLine, ledger: readonly LedgerEntryDraft[], input: AdjusterInput): DraftLine {
  return {
    kind: line.kind,
    subscriptionId: line.subscriptionId,
    meterId: null,
    feeId: null,
    description: line.description,
    quantity: null,
    unroundedAmount: line.amount,
    servicePeriod: input.period,
    detail: {
      adjustmentId: line.id,
      reason: line.reason,
      source: line.source,
      ...(ledger.length > 0
        ? { [LEDGER_DETAIL]: ledger.map((e): ReservedLedgerEntry => ({ grantId: e.grantId, kind: e.kind as ReservedLedgerEntry['kind'], amount: e.amount.toString(), currency: e.currency, meterId: e.meterId, description: e.description })) }
        : {}),
    },
  };
}
