import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { LeaseStore } from '../leases/lease-store';
import { chunks } from '../shared/chunks';
import { groupBy } from '../shared/group-by';
import { Clock } from '../time/clock';
import { BillableHoldings, type HoldingsOfAccounts } from './billable-holdings';
import { BillingProfileStore, cycleOf, type BillingProfile } from './billing-profile';
import { BuildAndFinalize } from './build-and-finalize';
import type { InvoiceSummary } from './invoice';
import { lastEndedPeriod, previousPeriod, samePeriod } from './invoice-periods';
import { ACCOUNTS_PER_BATCH, withInvoiceRunLease, type AccountOutcome, type InvoiceRunReport, type RunProgress } from './invoice-run-report';
import { InvoiceStore } from './invoice-store';
import { InvoicingSettings } from './invoicing-settings';

const HOUR = 3_600_000;
/** How many missed periods one run catches up on per account (an RP that was down for months). */
const MAX_CATCH_UP = 12;

/**
 * The scheduled invoice run (`invoiceRunDue`): every account whose period ended at least its
 * grace period ago, and has no finalized invoice for it, gets its draft rebuilt and finalized.
 * Earlier periods the run missed are caught up oldest first. Holds the 'invoice-run' lease.
 * Accounts go in batches: the oldest due period of every account of a batch, then the next, so an
 * account's later period is built once its earlier one is finalized.
 */
@injectable()
export class RunDueInvoices {
  constructor(
    @inject(BuildAndFinalize) private readonly step: BuildAndFinalize,
    @inject(BillableHoldings) private readonly holdings: BillableHoldings,
    @inject(BillingProfileStore) private readonly profiles: BillingProfileStore,
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(LeaseStore) private readonly leases: LeaseStore,
    @inject(InvoicingSettings) private readonly settings: InvoicingSettings,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async runDue(onProgress?: RunProgress): Promise<InvoiceRunReport> {
    const now = this.clock.now();
    const outcomes = await withInvoiceRunLease(this.leases, this.settings, async (renew) => {
      const done: AccountOutcome[] = [];
      const accounts = await this.holdings.accountIds();
      for (const [b, batch] of chunks(accounts, ACCOUNTS_PER_BATCH).entries()) {
        const profiles = await this.profiles.findMany(batch);
        const finalized = groupBy(await this.invoices.summariesOf(batch, 'finalized'), (i) => i.accountId);
        const holdings = await this.holdings.ofAccounts(batch);
        const due = new Map(batch.map((accountId) => {
          const profile = profiles.get(accountId);
          return [accountId, profile ? this.duePeriods(profile, finalized.get(accountId) ?? [], holdings, now) : []];
        }));
        const built: AccountOutcome[] = [];
        for (let k = 0; k < MAX_CATCH_UP; k++) {
          const wave = batch.flatMap((accountId) => {
            const period = due.get(accountId)![k];
            return period ? [{ accountId, period }] : [];
          });
          if (wave.length === 0) break;
          built.push(...(await this.step.processMany(wave, true)));
        }
        const byAccount = groupBy(built, (o) => o.accountId);
        for (const [i, accountId] of batch.entries()) {
          for (const outcome of byAccount.get(accountId) ?? []) {
            done.push(outcome);
            onProgress?.(b * ACCOUNTS_PER_BATCH + i + 1, accounts.length, outcome);
          }
        }
        await renew();
      }
      return done;
    });
    return outcomes === undefined ? { status: 'lease-held' } : { status: 'ran', outcomes };
  }

  /** Oldest first: the periods past their grace that still lack a finalized invoice. */
  private duePeriods(profile: BillingProfile, finalized: readonly InvoiceSummary[], holdings: HoldingsOfAccounts, now: Date): BillingPeriod[] {
    const graceHours = profile.gracePeriodHours ?? this.settings.gracePeriodHours;
    const cycle = cycleOf(profile);
    const due: BillingPeriod[] = [];
    let period = lastEndedPeriod(cycle, profile.timeZone, new Date(now.getTime() - graceHours * HOUR));
    while (due.length < MAX_CATCH_UP) {
      const current = period;
      if (finalized.some((invoice) => samePeriod(invoice.period, current))) break;
      // The latest period is always tried (late usage of a deleted subscription lands there); earlier ones only while something was held.
      if (due.length > 0 && holdings.subscriptionsOf(profile.accountId, period).length === 0) break;
      due.unshift(period);
      period = previousPeriod(cycle, profile.timeZone, period);
    }
    return due;
  }
}
