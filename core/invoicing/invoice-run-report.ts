import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { LeaseStore } from '../leases/lease-store';
import type { Invoice } from './invoice';
import type { InvoicingSettings } from './invoicing-settings';

export const INVOICE_RUN_LEASE = 'invoice-run';
const LEASE_TTL_MS = 10 * 60_000;

/**
 * Accounts an invoice run reads, prices and writes together. Larger batches save round trips but
 * hold more in memory and make a failed batch cost more to retry account by account.
 */
export const ACCOUNTS_PER_BATCH = 1000;

/** What happened to one account's period. */
export interface AccountOutcome {
  readonly accountId: string;
  readonly period: BillingPeriod;
  /** `drafted`, `finalized`, or the use case's failure code (`nothing_to_bill`, `invoice_finalized`, …). */
  readonly outcome: string;
  readonly invoice?: Invoice;
}

export type InvoiceRunReport = { readonly status: 'ran'; readonly outcomes: readonly AccountOutcome[] } | { readonly status: 'lease-held' };

/** Called after each account, for progress bars: `done` of `total`. */
export type RunProgress = (done: number, total: number, outcome: AccountOutcome) => void;

/**
 * Runs `job` while holding the 'invoice-run' lease, so one resource-provider instance invoices at
 * a time; `renew` extends it between batches of accounts. Answers undefined when another instance holds it.
 */
export async function withInvoiceRunLease<T>(leases: LeaseStore, settings: InvoicingSettings, job: (renew: () => Promise<void>) => Promise<T>): Promise<T | undefined> {
  if (!(await leases.tryAcquire(INVOICE_RUN_LEASE, settings.instanceId, LEASE_TTL_MS))) return undefined;
  const renew = async () => {
    if (!(await leases.tryAcquire(INVOICE_RUN_LEASE, settings.instanceId, LEASE_TTL_MS))) throw new Error('the invoice-run lease was lost to another instance');
  };
  try {
    return await job(renew);
  } finally {
    await leases.release(INVOICE_RUN_LEASE, settings.instanceId);
  }
}
