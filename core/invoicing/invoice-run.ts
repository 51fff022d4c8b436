import { inject, injectable, multiInject, optional } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { FreeUnitsGrant } from '../credits/credit-grant';
import { CreditStore } from '../credits/credit-store';
import { FreeUnitsAllowance } from '../credits/free-units';
import { Logger } from '../logging/logger';
import type { RateCard } from '../rating/rate-card';
import { rateCardInEffect } from '../rating/rate-card-in-effect';
import { RateCardStore } from '../rating/rate-card-store';
import { fail, type Result } from '../shared/result';
import type { Decimal } from '../money/decimal';
import { Clock } from '../time/clock';
import { UsageQuery } from '../usage/store/usage-query';
import { BillableHoldings, type Holding } from './billable-holdings';
import { BillingProfileStore, cycleOf, type BillingProfile } from './billing-profile';
import { fixedFeeLines, usageLines } from './charge-lines';
import type { DraftLine, Invoice } from './invoice';
import { InvoiceLineAdjuster } from './invoice-line-adjuster';
import { usagePeriodOf } from './invoice-periods';
import { InvoiceStore, type BilledUsage } from './invoice-store';
import { InvoicingSettings } from './invoicing-settings';
import { lateUsageAdjustments } from './late-usage-adjustments';
import { priceInvoice } from './price-invoice';

const DAY = 86_400_000;

export type InvoiceRunError = 'account_not_found' | 'invoice_finalized' | 'nothing_to_bill';

/**
 * Builds, or rebuilds, the draft invoice of one account for one billing period. Idempotent: the
 * draft is keyed by (account, period), and every line is recomputed from the holdings, the rate
 * cards in effect at the period's start and the usage rollups, so running twice leaves one draft
 * with the same lines, and usage that arrived in between simply lands in it.
 *
 * The line pipeline, in order: per subscription its fixed fees then its usage; adjustments for
 * late usage of earlier finalized periods; `before-tax` line adjusters (promotions, coupons: a
 * later piece, see `InvoiceLineAdjuster`); rounding of each line and the tax line
 * (`priceInvoice`); `after-tax` adjusters (credits).
 */
@injectable()
export class InvoiceRun {
  private readonly adjusters: InvoiceLineAdjuster[];

  constructor(
    @inject(BillingProfileStore) private readonly profiles: BillingProfileStore,
    @inject(BillableHoldings) private readonly holdings: BillableHoldings,
    @inject(RateCardStore) private readonly rateCards: RateCardStore,
    @inject(UsageQuery) private readonly usage: UsageQuery,
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(CreditStore) private readonly credits: CreditStore,
    @inject(InvoicingSettings) private readonly settings: InvoicingSettings,
    @inject(Clock) private readonly clock: Clock,
    @inject(Logger) private readonly logger: Logger,
    @multiInject(InvoiceLineAdjuster) @optional() adjusters: InvoiceLineAdjuster[] = [],
  ) {
    this.adjusters = [...adjusters].sort((a, b) => a.order - b.order);
  }

  async build(accountId: string, period: BillingPeriod): Promise<Result<Invoice, InvoiceRunError>> {
    const profile = await this.profiles.find(accountId);
    if (!profile) return fail('account_not_found', `No account '${accountId}'`);
    const live = await this.invoices.liveFor(accountId, period);
    if (live?.status === 'finalized') return fail('invoice_finalized', `Invoice ${live.number} already bills this period`);
    // An account that held nothing this period may still owe late usage of an earlier one: it is built too.
    const subscriptions = await this.holdings.subscriptionsOf(accountId, period);

    const cards = await this.rateCards.list();
    const since = new Date(this.clock.now().getTime() - this.settings.lateUsageLookbackDays * DAY);
    const billed = await this.invoices.billedUsage(accountId, since);
    const freeUnits = (await this.credits.grantsOf(accountId)).filter((g): g is FreeUnitsGrant => g.kind === 'free-units');
    const allowance = new FreeUnitsAllowance(freeUnits, period);
    const lines: DraftLine[] = [];
    for (const subscriptionId of subscriptions) lines.push(...(await this.chargesOf(subscriptionId, period, profile, cards, 'all', allowance)));
    // Usage of this very period billed on another finalized invoice (the period was voided and is rebuilt).
    lines.push(...lateUsageAdjustments(period, [], billed, profile.currency, null));
    lines.push(...(await this.lateUsage(profile, period, cards, billed, since, freeUnits)));

    // Nothing priced (nothing held, or plans without a rate card): no invoice, rather than a numbered zero one.
    if (lines.length === 0 && !live) return fail('nothing_to_bill', `Nothing of account '${accountId}' is priced in the period`);
    const invoiceKey = live?.id ?? `draft:${accountId}:${period.from.toISOString()}`;
    const beforeTax = await this.adjust('before-tax', invoiceKey, accountId, period, profile.currency, lines);
    const afterTax = await this.adjust('after-tax', invoiceKey, accountId, period, profile.currency, beforeTax);
    const priced = priceInvoice({ accountId, period, currency: profile.currency, taxRate: profile.taxRate }, beforeTax, afterTax.slice(beforeTax.length));
    return this.invoices.saveDraft(priced, this.clock.now());
  }

  /** Adjustment lines for every earlier finalized period whose usage has changed since. */
  /**
   * Earlier periods are re-rated with their own free units, as their invoices were: late usage
   * the allowance still covers costs nothing more. (Its free-units ledger row stays the one the
   * period's invoice wrote.)
   */
  private async lateUsage(profile: BillingProfile, period: BillingPeriod, cards: readonly RateCard[], billed: readonly BilledUsage[], since: Date, freeUnits: readonly FreeUnitsGrant[]): Promise<DraftLine[]> {
    const earlier = (await this.invoices.list({ accountId: profile.accountId, status: 'finalized' }))
      .filter((i) => i.period.to.getTime() <= period.from.getTime() && i.period.from.getTime() >= since.getTime())
      .sort((a, b) => a.period.from.getTime() - b.period.from.getTime());
    const lines: DraftLine[] = [];
    for (const invoice of earlier) {
      const rated: DraftLine[] = [];
      const allowance = new FreeUnitsAllowance(freeUnits, invoice.period);
      for (const subscriptionId of await this.holdings.subscriptionsOf(profile.accountId, invoice.period)) {
        rated.push(...(await this.chargesOf(subscriptionId, invoice.period, profile, cards, 'usage', allowance)));
      }
      lines.push(...lateUsageAdjustments(invoice.period, rated, billed, profile.currency, invoice.number));
    }
    return lines;
  }

  private async chargesOf(
    subscriptionId: string, period: BillingPeriod, profile: BillingProfile, cards: readonly RateCard[], what: 'all' | 'usage', allowance: FreeUnitsAllowance,
  ): Promise<DraftLine[]> {
    const holding = await this.holdings.during(subscriptionId, period);
    if (!holding) return [];
    const lines: DraftLine[] = [];
    for (const plan of holding.plans) {
      const found = rateCardInEffect(cards, { kind: 'plan', id: plan.planId }, period.from);
      if (!found.ok) {
        this.logger.warn({ subscriptionId, planId: plan.planId, error: found.error }, 'subscription not invoiced: no usable rate card');
        continue;
      }
      const card = found.value;
      if (card.currency !== profile.currency) {
        this.logger.warn({ subscriptionId, rateCardId: card.id, accountCurrency: profile.currency }, 'subscription not invoiced: rate card in another currency');
        continue;
      }
      if (what === 'all') {
        lines.push(...fixedFeeLines(subscriptionId, card, plan, holding.states, period, profile.timeZone, cycleOf(profile), { unit: this.settings.prorationUnit, suspendedTime: this.settings.suspendedTime }));
      }
      const usagePeriod = usagePeriodOf(plan);
      if (usagePeriod.to.getTime() <= usagePeriod.from.getTime()) continue;
      const takeFree = (meterId: string, quantity: Decimal) => allowance.take(subscriptionId, meterId, quantity);
      lines.push(...usageLines(subscriptionId, card, await this.usage.totals(subscriptionId, usagePeriod), period, takeFree));
    }
    if (what === 'all') lines.push(...this.addOnFees(subscriptionId, holding, period, profile, cards));
    return lines;
  }

  /**
   * An add-on's card prices its fixed fees over the time it was held. Its usage stays with the
   * plan's card: the same meters priced by two cards would bill the same usage twice.
   */
  private addOnFees(subscriptionId: string, holding: Holding, period: BillingPeriod, profile: BillingProfile, cards: readonly RateCard[]): DraftLine[] {
    const lines: DraftLine[] = [];
    for (const addOn of holding.addOns) {
      const found = rateCardInEffect(cards, { kind: 'add-on', id: addOn.addOnId }, period.from);
      if (!found.ok || found.value.currency !== profile.currency) {
        this.logger.warn({ subscriptionId, addOnId: addOn.addOnId, error: found.ok ? 'currency' : found.error }, 'add-on not invoiced: no usable rate card');
        continue;
      }
      const held = { planId: addOn.addOnId, from: addOn.from, to: addOn.to };
      lines.push(...fixedFeeLines(subscriptionId, found.value, held, holding.states, period, profile.timeZone, cycleOf(profile), { unit: this.settings.prorationUnit, suspendedTime: this.settings.suspendedTime }));
    }
    return lines;
  }

  private async adjust(stage: InvoiceLineAdjuster['stage'], invoiceKey: string, accountId: string, period: BillingPeriod, currency: string, lines: DraftLine[]): Promise<DraftLine[]> {
    let all = lines;
    for (const adjuster of this.adjusters.filter((a) => a.stage === stage)) {
      all = [...all, ...(await adjuster.adjust({ invoiceKey, accountId, period, currency, lines: all }))];
    }
    return all;
  }
}

