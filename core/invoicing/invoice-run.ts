import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { FreeUnitsAllowance } from '../credits/free-units';
import { Logger } from '../logging/logger';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { BillingProfile } from './billing-profile';
import type { DraftLine, Invoice, PricedDraft } from './invoice';
import { LoadInvoiceInputs, type AccountInputs, type InvoiceInputs } from './invoice-inputs';
import type { InvoiceLineAdjuster } from './invoice-line-adjuster';
import { InvoiceStore, type AccountPeriod } from './invoice-store';
import { InvoicingSettings } from './invoicing-settings';
import { lateUsageAdjustments } from './late-usage-adjustments';
import { priceInvoice } from './price-invoice';
import { subscriptionCharges, type ChargeContext } from './subscription-charges';

export type InvoiceRunError = 'account_not_found' | 'invoice_finalized' | 'nothing_to_bill';

/**
 * Builds, or rebuilds, the draft invoice of one account for one billing period. Idempotent: the
 * draft is keyed by (account, period), and every line is recomputed from the holdings, the rate
 * cards in effect at the period's start and the usage rollups, so running twice leaves one draft
 * with the same lines, and usage that arrived in between simply lands in it.
 *
 * The line pipeline, in order: per subscription its fixed fees then its usage
 * (`subscriptionCharges`); adjustments for late usage of earlier finalized periods; `before-tax`
 * line adjusters (promotions, coupons, credits: see `InvoiceLineAdjuster`); rounding of each line
 * and the tax line (`priceInvoice`); `after-tax` adjusters.
 *
 * An invoice run builds many accounts at once (`buildMany`): their inputs are read in a few
 * queries (`LoadInvoiceInputs`), each invoice is priced in memory, and the drafts are written in
 * one transaction. `build` is the same with one account.
 */
@injectable()
export class InvoiceRun {
  constructor(
    @inject(LoadInvoiceInputs) private readonly inputs: LoadInvoiceInputs,
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(InvoicingSettings) private readonly settings: InvoicingSettings,
    @inject(Clock) private readonly clock: Clock,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  async build(accountId: string, period: BillingPeriod): Promise<Result<Invoice, InvoiceRunError>> {
    return (await this.buildMany([{ accountId, period }]))[0];
  }

  /** `build` of each request, answered in their order; one request per account (a later period of an account depends on the earlier one's finalization). */
  async buildMany(requests: readonly AccountPeriod[]): Promise<Result<Invoice, InvoiceRunError>[]> {
    if (new Set(requests.map((r) => r.accountId)).size !== requests.length) throw new Error('buildMany takes one period per account');
    const inputs = await this.inputs.load(requests);
    const priced = requests.map((request, i) => this.price(request, inputs.accounts[i], inputs));
    const drafts = priced.flatMap((p) => (p.ok ? [p.value] : []));
    const saved = await this.invoices.saveDrafts(drafts, this.clock.now());
    let next = 0;
    return priced.map((p) => (p.ok ? saved[next++] : p));
  }

  private price({ accountId, period }: AccountPeriod, account: AccountInputs, inputs: InvoiceInputs): Result<PricedDraft, InvoiceRunError> {
    const { profile, live, billed } = account;
    if (!profile) return fail('account_not_found', `No account '${accountId}'`);
    if (live?.status === 'finalized') return fail('invoice_finalized', `Invoice ${live.number} already bills this period`);
    const context = this.chargeContext(profile, inputs);
    // Each period gives each subscription its free units once; an earlier period is re-rated with its own.
    const charges = (of: BillingPeriod, what: 'all' | 'usage') => {
      const allowance = new FreeUnitsAllowance(account.freeUnits, of);
      return inputs.holdings.subscriptionsOf(accountId, of).flatMap((subscriptionId) => {
        const holding = inputs.holdings.during(subscriptionId, of);
        return holding ? subscriptionCharges(holding, of, context, what, allowance) : [];
      });
    };
    // An account that held nothing this period may still owe late usage of an earlier one: it is built too.
    const lines: DraftLine[] = charges(period, 'all');
    // Usage of this very period billed on another finalized invoice (the period was voided and is rebuilt).
    lines.push(...lateUsageAdjustments(period, [], billed, profile.currency, null));
    for (const invoice of account.earlier) {
      lines.push(...lateUsageAdjustments(invoice.period, charges(invoice.period, 'usage'), billed, profile.currency, invoice.number));
    }

    // Nothing priced (nothing held, or plans without a rate card): no invoice, rather than a numbered zero one.
    if (lines.length === 0 && !live) return fail('nothing_to_bill', `Nothing of account '${accountId}' is priced in the period`);
    const invoiceKey = live?.id ?? `draft:${accountId}:${period.from.toISOString()}`;
    const adjust = (stage: InvoiceLineAdjuster['stage'], before: DraftLine[]) => inputs.adjusters
      .filter((a) => a.stage === stage)
      .reduce((all, a) => [...all, ...a.loaded.adjust({ invoiceKey, accountId, period, currency: profile.currency, lines: all })], before);
    const beforeTax = adjust('before-tax', lines);
    const afterTax = adjust('after-tax', beforeTax);
    return ok(priceInvoice({ accountId, period, currency: profile.currency, taxRate: profile.taxRate }, beforeTax, afterTax.slice(beforeTax.length)));
  }

  private chargeContext(profile: BillingProfile, inputs: InvoiceInputs): ChargeContext {
    return {
      profile,
      cards: inputs.cards,
      rules: { unit: this.settings.prorationUnit, suspendedTime: this.settings.suspendedTime },
      totals: inputs.totals,
      warn: (context, message) => this.logger.warn(context, message),
    };
  }
}
