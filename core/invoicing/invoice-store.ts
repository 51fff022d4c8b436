import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { Decimal } from '../money/decimal';
import type { Result } from '../shared/result';
import type { Invoice, InvoiceStatus, InvoiceSummary, PricedDraft } from './invoice';

export interface InvoiceFilter {
  readonly accountId?: string;
  readonly status?: InvoiceStatus;
  /** Only invoices with at least one line of this subscription. */
  readonly subscriptionId?: string;
}

/** How invoice numbers are made: `${prefix}${value padded to digits}`. */
export interface NumberFormat {
  readonly prefix: string;
  readonly digits: number;
}

/** What finalized invoices have billed for one subscription's meter over one service period. */
export interface BilledUsage {
  readonly subscriptionId: string;
  readonly meterId: string;
  readonly servicePeriod: BillingPeriod;
  /** Sum of the rounded usage and adjustment lines, over every finalized invoice. */
  readonly amount: Decimal;
}

/** One account's billing period: what an invoice run builds an invoice for. */
export interface AccountPeriod {
  readonly accountId: string;
  readonly period: BillingPeriod;
}

/**
 * Every method has a form for many accounts or invoices (`…Many`, `saveDrafts`): an invoice run
 * reads and writes hundreds of accounts per query and per transaction. The single forms are the
 * same code asked about one.
 */
export const InvoiceStore = Symbol('InvoiceStore');
export interface InvoiceStore {
  find(invoiceId: string): Promise<Invoice | undefined>;
  /** Newest period first, then newest created. */
  list(filter: InvoiceFilter): Promise<Invoice[]>;
  /** The draft or finalized invoice of the account for exactly this period, if any (void ones are not live). */
  liveFor(accountId: string, period: BillingPeriod): Promise<Invoice | undefined>;
  /** `liveFor` of each (account, period), in the order asked. */
  liveForMany(keys: readonly AccountPeriod[]): Promise<(Invoice | undefined)[]>;
  /** The accounts' invoices in that status, without lines; by account, then newest period first. */
  summariesOf(accountIds: readonly string[], status: InvoiceStatus): Promise<InvoiceSummary[]>;
  /**
   * Creates the draft of (account, period), or replaces the lines and totals of the one there, in
   * one transaction; the draft keeps its id. A unique key on (account, period) of live invoices makes
   * two racing runs end with one draft. `invoice_finalized` when that period is already finalized.
   */
  saveDraft(draft: PricedDraft, at: Date): Promise<Result<Invoice, 'invoice_finalized'>>;
  /** `saveDraft` of drafts of distinct (account, period)s in one transaction, answered in their order. */
  saveDrafts(drafts: readonly PricedDraft[], at: Date): Promise<Result<Invoice, 'invoice_finalized'>[]>;
  /**
   * Numbers a draft and marks it finalized in one transaction: the next number is taken with a
   * row-level update of the sequence row, so concurrent finalizations queue there and a rolled-back
   * one gives its number back (no gaps, no duplicates). A finalized invoice is answered unchanged.
   */
  finalize(invoiceId: string, format: NumberFormat, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>>;
  /**
   * `finalize` of several invoices in one transaction, answered in their order: the drafts among
   * them get consecutive numbers in that order, taken with ONE update of the sequence row.
   */
  finalizeMany(invoiceIds: readonly string[], format: NumberFormat, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>[]>;
  /** Marks a finalized invoice void, keeping its number, and frees its period for a new draft; a void one is answered unchanged. */
  markVoid(invoiceId: string, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_not_finalized'>>;
  /** Usage billed by the account's finalized invoices for service periods starting at or after `since`. */
  billedUsage(accountId: string, since: Date): Promise<BilledUsage[]>;
  /** `billedUsage` of many accounts, by account id (an account with none is absent). */
  billedUsageMany(accountIds: readonly string[], since: Date): Promise<Map<string, BilledUsage[]>>;
}
