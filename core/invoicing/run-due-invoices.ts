import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { LeaseStore } from '../leases/lease-store';
import { Clock } from '../time/clock';
import { BillableHoldings } from './billable-holdings';
import { BillingProfileStore, cycleOf } from './billing-profile';
import { BuildAndFinalize } from './build-and-finalize';
import { lastEndedPeriod, previousPeriod } from './invoice-periods';
import { withInvoiceRunLease, type AccountOutcome, type InvoiceRunReport, type RunProgress } from './invoice-run-report';
import { InvoiceStore } from './invoice-store';
import { InvoicingSettings } from './invoicing-settings';

const HOUR = 3_600_000;
/** How many missed periods one run catches up on per account (an RP that was down for months). */
const MAX_CATCH_UP = 12;

/**
 * The scheduled invoice run (`invoiceRunDue`): every account whose period ended at least its
 * grace period ago, and has no finalized invoice for it, gets its draft rebuilt and finalized.
 * Earlier periods the run missed are caught up oldest first. Holds the 'invoice-run' lease.
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
      for (const [i, accountId] of accounts.entries()) {
        for (const period of await this.duePeriods(accountId, now)) {
          const outcome = await this.step.process(accountId, period, true);
          done.push(outcome);
          onProgress?.(i + 1, accounts.length, outcome);
        }
        await renew();
      }
      return done;
    });
    return outcomes === undefined ? { status: 'lease-held' } : { status: 'ran', outcomes };
  }

  /** Oldest first: the periods past their grace that still lack a finalized invoice. */
  private async duePeriods(accountId: string, now: Date): Promise<BillingPeriod[]> {
    const profile = await this.profiles.find(accountId);
    if (!profile) return [];
    const graceHours = profile.gracePeriodHours ?? this.settings.gracePeriodHours;
    const cycle = cycleOf(profile);
    const due: BillingPeriod[] = [];
    let period = lastEndedPeriod(cycle, profile.timeZone, new Date(now.getTime() - graceHours * HOUR));
    while (due.length < MAX_CATCH_UP) {
      if ((await this.invoices.liveFor(accountId, period))?.status === 'finalized') break;
      // The latest period is always tried (late usage of a deleted subscription lands there); earlier ones only while something was held.
      if (due.length > 0 && (await this.holdings.subscriptionsOf(accountId, period)).length === 0) break;
      due.unshift(period);
      period = previousPeriod(cycle, profile.timeZone, period);
    }
    return due;
  }
}
