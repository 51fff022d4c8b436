import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { LeaseStore } from '../leases/lease-store';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { BillableHoldings } from './billable-holdings';
import { BillingProfileStore, cycleOf, type BillingProfile } from './billing-profile';
import { BuildAndFinalize } from './build-and-finalize';
import { isMonth, lastEndedPeriod, periodStartingInMonth } from './invoice-periods';
import { chunks } from '../shared/chunks';
import { ACCOUNTS_PER_BATCH, withInvoiceRunLease, type AccountOutcome, type InvoiceRunReport, type RunProgress } from './invoice-run-report';
import { InvoicingSettings } from './invoicing-settings';

/** Which period to invoice: a local month (`2025-03`: the period that starts in it), an exact range, or, absent, the last ended one. */
export type PeriodChoice = string | BillingPeriod | undefined;

export interface RunInvoicesRequest {
  readonly period?: PeriodChoice;
  /** One account; absent: every account with subscriptions. */
  readonly accountId?: string;
  /** Finalize each draft once built (the CLI's `--finalize`); drafts only otherwise. */
  readonly finalize?: boolean;
}

/** An admin's invoice run now, for a chosen period, regardless of grace periods. Holds the 'invoice-run' lease. */
@injectable()
export class RunInvoices {
  constructor(
    @inject(BuildAndFinalize) private readonly step: BuildAndFinalize,
    @inject(BillableHoldings) private readonly holdings: BillableHoldings,
    @inject(BillingProfileStore) private readonly profiles: BillingProfileStore,
    @inject(LeaseStore) private readonly leases: LeaseStore,
    @inject(InvoicingSettings) private readonly settings: InvoicingSettings,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async run(request: RunInvoicesRequest, onProgress?: RunProgress): Promise<Result<InvoiceRunReport, 'invalid_period'>> {
    const { period } = request;
    if (period !== undefined && !isMonth(period) && !isRange(period)) {
      return fail('invalid_period', "period must be 'YYYY-MM' or { from, to } with from before to");
    }
    const now = this.clock.now();
    const outcomes = await withInvoiceRunLease(this.leases, this.settings, async (renew) => {
      const accounts = request.accountId !== undefined ? [request.accountId] : await this.holdings.accountIds();
      const done: AccountOutcome[] = [];
      for (const chunk of chunks(accounts, ACCOUNTS_PER_BATCH)) {
        const profiles = await this.profiles.findMany(chunk);
        const known = chunk.filter((accountId) => profiles.has(accountId)).map((accountId) => ({ accountId, period: periodFor(profiles.get(accountId)!, period, now) }));
        const built = new Map((await this.step.processMany(known, request.finalize === true)).map((o) => [o.accountId, o]));
        for (const accountId of chunk) {
          const outcome = built.get(accountId) ?? { accountId, period: { from: now, to: now }, outcome: 'account_not_found' };
          done.push(outcome);
          onProgress?.(done.length, accounts.length, outcome);
        }
        await renew();
      }
      return done;
    });
    return ok(outcomes === undefined ? { status: 'lease-held' } : { status: 'ran', outcomes });
  }
}

function periodFor(profile: BillingProfile, choice: PeriodChoice, now: Date): BillingPeriod {
  const cycle = cycleOf(profile);
  if (choice === undefined) return lastEndedPeriod(cycle, profile.timeZone, now);
  return typeof choice === 'string' ? periodStartingInMonth(cycle, profile.timeZone, choice) : choice;
}

function isRange(value: unknown): value is BillingPeriod {
  const range = value as BillingPeriod;
  return typeof value === 'object' && value !== null && range.from instanceof Date && range.to instanceof Date
    && !Number.isNaN(range.from.getTime()) && range.to.getTime() > range.from.getTime();
}
