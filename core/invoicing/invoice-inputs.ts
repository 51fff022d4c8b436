import { inject, injectable, multiInject, optional } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { FreeUnitsGrant } from '../credits/credit-grant';
import { CreditStore } from '../credits/credit-store';
import type { RateCard } from '../rating/rate-card';
import { RateCardStore } from '../rating/rate-card-store';
import { groupBy } from '../shared/group-by';
import { Clock } from '../time/clock';
import { UsageQuery, type MeterTotal, type SubscriptionPeriod } from '../usage/store/usage-query';
import { BillableHoldings, type HoldingsOfAccounts } from './billable-holdings';
import { BillingProfileStore, type BillingProfile } from './billing-profile';
import type { Invoice, InvoiceSummary } from './invoice';
import { InvoiceLineAdjuster, type LoadedInvoiceLineAdjuster } from './invoice-line-adjuster';
import { InvoiceStore, type AccountPeriod, type BilledUsage } from './invoice-store';
import { InvoicingSettings } from './invoicing-settings';
import { usagePeriodsOf } from './subscription-charges';

const DAY = 86_400_000;

/** What building the invoice of one (account, period) reads, besides the shared rate cards and usage. */
export interface AccountInputs {
  /** Undefined for an unknown account. */
  readonly profile: BillingProfile | undefined;
  /** The draft or finalized invoice of the period, if any. */
  readonly live: Invoice | undefined;
  /** Usage billed by the account's finalized invoices within the late-usage lookback. */
  readonly billed: readonly BilledUsage[];
  /** The account's finalized invoices of earlier periods within the lookback, oldest first: their late usage is adjusted. */
  readonly earlier: readonly InvoiceSummary[];
  /** The account's free-units grants ("hourly credits"), taken off usage before rating. */
  readonly freeUnits: readonly FreeUnitsGrant[];
}

/** Everything an invoice run prices a batch of (account, period)s from; nothing is read while pricing. */
export interface InvoiceInputs {
  /** Aligned with the requests. */
  readonly accounts: readonly AccountInputs[];
  readonly cards: readonly RateCard[];
  readonly holdings: HoldingsOfAccounts;
  /** The usage of a subscription over a usage period of one of its holdings; every one pricing asks for was read. */
  readonly totals: (subscriptionId: string, usagePeriod: BillingPeriod) => readonly MeterTotal[];
  /** In the order they run. */
  readonly adjusters: readonly { readonly stage: InvoiceLineAdjuster['stage']; readonly loaded: LoadedInvoiceLineAdjuster }[];
}

/**
 * Reads the inputs of many invoices with a few queries each (per chunk of the stores' IN lists),
 * instead of a few dozen per invoice: profiles, live invoices, holdings, rate cards, billed usage,
 * earlier finalized invoices, the usage of every subscription over every period priced, and the
 * line adjusters' state.
 */
@injectable()
export class LoadInvoiceInputs {
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
    @multiInject(InvoiceLineAdjuster) @optional() adjusters: InvoiceLineAdjuster[] = [],
  ) {
    this.adjusters = [...adjusters].sort((a, b) => a.order - b.order);
  }

  async load(requests: readonly AccountPeriod[]): Promise<InvoiceInputs> {
    const accountIds = [...new Set(requests.map((r) => r.accountId))];
    const since = new Date(this.clock.now().getTime() - this.settings.lateUsageLookbackDays * DAY);
    const profiles = await this.profiles.findMany(accountIds);
    const live = await this.invoices.liveForMany(requests);
    const holdings = await this.holdings.ofAccounts(accountIds);
    const cards = await this.rateCards.list();
    const billed = await this.invoices.billedUsageMany(accountIds, since);
    const finalized = groupBy(await this.invoices.summariesOf(accountIds, 'finalized'), (i) => i.accountId);
    const grants = await this.credits.grantsOfMany(accountIds);
    const accounts = requests.map(({ accountId, period }, i): AccountInputs => ({
      profile: profiles.get(accountId),
      live: live[i],
      billed: billed.get(accountId) ?? [],
      earlier: (finalized.get(accountId) ?? [])
        .filter((invoice) => invoice.period.to.getTime() <= period.from.getTime() && invoice.period.from.getTime() >= since.getTime())
        .sort((a, b) => a.period.from.getTime() - b.period.from.getTime()),
      freeUnits: (grants.get(accountId) ?? []).filter((g): g is FreeUnitsGrant => g.kind === 'free-units'),
    }));
    const totals = await this.totalsOf(requests, accounts, holdings);
    const adjusters = [];
    for (const adjuster of this.adjusters) adjusters.push({ stage: adjuster.stage, loaded: await adjuster.load(accountIds) });
    return { accounts, cards, holdings, totals, adjusters };
  }

  /** Reads the usage of every subscription over every period the run will price it for. */
  private async totalsOf(requests: readonly AccountPeriod[], accounts: readonly AccountInputs[], holdings: HoldingsOfAccounts): Promise<InvoiceInputs['totals']> {
    const wanted: SubscriptionPeriod[] = [];
    requests.forEach(({ accountId, period }, i) => {
      if (!accounts[i].profile || accounts[i].live?.status === 'finalized') return;
      for (const priced of [period, ...accounts[i].earlier.map((e) => e.period)]) {
        for (const subscriptionId of holdings.subscriptionsOf(accountId, priced)) {
          const holding = holdings.during(subscriptionId, priced);
          for (const usagePeriod of holding ? usagePeriodsOf(holding) : []) wanted.push({ subscriptionId, period: usagePeriod });
        }
      }
    });
    const read = await this.usage.totalsMany(wanted);
    const byKey = new Map(wanted.map((w, i) => [totalsKey(w.subscriptionId, w.period), read[i]]));
    return (subscriptionId, usagePeriod) => {
      const found = byKey.get(totalsKey(subscriptionId, usagePeriod));
      if (!found) throw new Error(`usage of ${subscriptionId} over ${usagePeriod.from.toISOString()} – ${usagePeriod.to.toISOString()} was not read beforehand`);
      return found;
    };
  }
}

function totalsKey(subscriptionId: string, period: BillingPeriod): string {
  return `${subscriptionId}\u0000${period.from.getTime()}/${period.to.getTime()}`;
}
