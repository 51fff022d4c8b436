import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { DraftLine } from './invoice';

/** What an adjuster sees: the account's invoice as built so far, unrounded. */
export interface AdjusterInput {
  /** The same on every rebuild of one draft (its id once stored), so what it reserves stays its own. */
  readonly invoiceKey: string;
  readonly accountId: string;
  readonly period: BillingPeriod;
  readonly currency: string;
  /** Charge and late-usage lines, then the lines of earlier adjusters of the same stage. */
  readonly lines: readonly DraftLine[];
}

/**
 * THE place promotions, coupons and credits plug into invoicing (they are a later piece). Every
 * adjuster bound to this id is called in ascending `order` each time a draft is (re)built, and
 * returns lines to add, usually `discount` or `credit` with negative amounts. `before-tax`
 * adjusters (promotions, coupons) run before the tax line is computed, so tax is on the discounted
 * sum; `after-tax` adjusters (prepaid credit) add lines that are not taxed. Drafts are rebuilt, so an
 * adjuster must be a pure function of its input and the stored state it loaded, and must not consume anything
 * (a credit grant) before the invoice is finalized.
 */
export const InvoiceLineAdjuster = Symbol('InvoiceLineAdjuster');
export interface InvoiceLineAdjuster {
  readonly id: string;
  readonly stage: 'before-tax' | 'after-tax';
  readonly order: number;
  /**
   * Reads the stored state the adjuster needs for drafts of these accounts, at once (an invoice run
   * builds hundreds of drafts per read); the answer adjusts those drafts without reading again.
   */
  load(accountIds: readonly string[]): Promise<LoadedInvoiceLineAdjuster>;
}

/** An adjuster with its stored state read. */
export interface LoadedInvoiceLineAdjuster {
  adjust(input: AdjusterInput): readonly DraftLine[];
}
