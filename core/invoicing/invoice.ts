import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { Decimal } from '../money/decimal';

/**
 * An invoice's life. A `draft` is rebuilt freely by the invoice run; `finalized` is numbered and
 * never changes again; `void` keeps its number and lines, and frees its period for a new draft.
 */
export type InvoiceStatus = 'draft' | 'finalized' | 'void';
export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['draft', 'finalized', 'void'];

/**
 * What a line charges for. `discount` and `credit` are produced by the line adjusters that
 * promotions, coupons and credits will contribute (see `InvoiceLineAdjuster`).
 */
export type LineKind = 'fixed-fee' | 'usage' | 'adjustment' | 'discount' | 'credit' | 'tax';

/**
 * The key of a line's detail that holds the credit ledger rows its finalization writes (credit
 * taken by a credit line, free units used by a usage line): a draft only reserves them.
 */
export const LEDGER_DETAIL = 'ledger';

/** A ledger row as a line's detail keeps it, JSON-safe; the invoice's id is added when it is finalized. */
export interface ReservedLedgerEntry {
  readonly grantId: string;
  readonly kind: 'use' | 'free-units-use';
  readonly amount: string;
  readonly currency: string | null;
  readonly meterId: string | null;
  readonly description: string;
}

/** One line as the invoice run builds it, before rounding. */
export interface DraftLine {
  readonly kind: LineKind;
  /** Null for account-level lines (tax). */
  readonly subscriptionId: string | null;
  /** The meter of a usage or adjustment line; null otherwise. */
  readonly meterId: string | null;
  /** The fixed fee's id on its rate card, for fixed-fee lines. */
  readonly feeId: string | null;
  readonly description: string;
  /** The billed quantity of a usage line; null for lines that are not quantities. */
  readonly quantity: Decimal | null;
  /** Full precision; rounded once when the invoice is priced. */
  readonly unroundedAmount: Decimal;
  /**
   * The period the line charges for. The invoice's own period, except for an adjustment of late
   * usage, which charges for an earlier period: that is what keeps it from being billed twice.
   */
  readonly servicePeriod: BillingPeriod;
  /** Why the amount is what it is: tier breakdown, proration counts, rate card id. JSON-safe. */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A line as stored: its amount rounded half-up to the currency's precision, once. */
export interface InvoiceLine extends DraftLine {
  readonly position: number;
  readonly amount: Decimal;
}

/** An invoice without its lines: what a run needs to know of earlier invoices. */
export interface InvoiceSummary {
  readonly id: string;
  readonly accountId: string;
  readonly period: BillingPeriod;
  readonly status: InvoiceStatus;
  readonly currency: string;
  /** `INV-000001`; null while a draft. A void invoice keeps its number. */
  readonly number: string | null;
  /** Sum of the rounded lines other than tax. */
  readonly subtotal: Decimal;
  readonly tax: Decimal;
  /** Sum of every rounded line: the lines always add up to the total. */
  readonly total: Decimal;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finalizedAt: Date | null;
  readonly voidedAt: Date | null;
}

export interface Invoice extends InvoiceSummary {
  readonly lines: readonly InvoiceLine[];
}

/** An invoice as the run hands it to the store: priced, not yet numbered. */
export interface PricedDraft {
  readonly accountId: string;
  readonly period: BillingPeriod;
  readonly currency: string;
  readonly subtotal: Decimal;
  readonly tax: Decimal;
  readonly total: Decimal;
  readonly lines: readonly InvoiceLine[];
}
