import type { BillingCycle, BillingPeriod } from '../billing-cycles/billing-cycle';
import type { Millis } from '../billing-cycles/time-span';
import type { Decimal } from '../money/decimal';

/**
 * One charge line of an invoice draft, as the invoicing engine built it. The adjusters only read
 * these lines; they never change them, they add lines of their own.
 */
export interface ChargeLine {
  /** Unique within the draft; adjustment lines point back to it. */
  readonly id: string;
  readonly subscriptionId: string;
  readonly kind: 'fixed' | 'usage';
  /** The meter a usage line rates; absent on fixed fees. */
  readonly meterId?: string;
  /** The WAP plan (or add-on) the charge comes from; plan-level promotions match on it. */
  readonly planId: string;
  readonly quantity?: Decimal;
  readonly unitPrice?: Decimal;
  /** Already rounded to the currency's precision, as it appears on the invoice. */
  readonly amount: Decimal;
  /**
   * The time the line charges for: the billing period, or the part of it the subscription was
   * billable (a fee prorated from a mid-period sign-up covers `[signedUpAt, period.to)`). A
   * promotion valid for part of this span discounts that share of the line.
   */
  readonly period: BillingPeriod;
}

/** What the adjusters know of one subscription on the invoice. */
export interface SubscriptionContext {
  readonly subscriptionId: string;
  /** When the subscription was created in WAP; trials and "N days" promotions count from here. */
  readonly signedUpAt: Date;
}

/** The invoice draft the lines belong to. */
export interface InvoiceContext {
  /** The draft's id: re-building a draft keeps it, so credit uses stay idempotent per invoice. */
  readonly invoiceId: string;
  readonly accountId: string;
  /** ISO 4217; every amount in and out is in it. */
  readonly currency: string;
  readonly period: BillingPeriod;
  /** The account's billing cycle and time zone: "N cycles" and day-counted windows need them. */
  readonly cycle: BillingCycle;
  readonly zone: string;
  /** 1 for the account's first invoice (sign-up discounts apply there only), 2 for the next, … */
  readonly invoiceSequence: number;
  readonly subscriptions: readonly SubscriptionContext[];
}

/** What a discount or credit line points at, so the invoice can say where it came from. */
export type AdjustmentSource =
  | { readonly type: 'promotion'; readonly promotionId: string; readonly promotionName: string }
  | { readonly type: 'coupon'; readonly couponCode: string; readonly promotionId: string; readonly promotionName: string }
  | { readonly type: 'credit-grant'; readonly grantId: string };

/** An extra invoice line: always negative (a zero adjustment is never emitted), rounded to the currency. */
export interface AdjustmentLine {
  /** Deterministic (`<source>:<line or subscription>`), so a re-built draft gets the same ids. */
  readonly id: string;
  readonly kind: 'discount' | 'credit';
  /** Null for a credit from the account's team pool, which is not tied to one subscription. */
  readonly subscriptionId: string | null;
  /** The charge line a discount reduces; null for credits, which reduce a subscription or the total. */
  readonly chargeLineId: string | null;
  /** Negative, at the currency's precision. */
  readonly amount: Decimal;
  /** For the tenant: which promotion or credit, and why (`"Spring trial — trial: day 1–14 of 14"`). */
  readonly description: string;
  /** The rule that applied, without the name (`"trial: day 1–14 of 14"`, `"20% off usage of vm.hours"`). */
  readonly reason: string;
  readonly source: AdjustmentSource;
  /**
   * The part of the charge line's time a discount is for (a trial's days), over which its amount
   * is spread evenly; absent: the whole line. A later discount whose window overlaps it counts
   * only what this one left of that time.
   */
  readonly covered?: Millis;
}

/**
 * A ledger row to write when the invoice is finalized (`RecordCreditUses`), never before: a draft
 * may be re-built any number of times.
 */
export interface LedgerEntryDraft {
  readonly grantId: string;
  readonly accountId: string;
  readonly invoiceId: string;
  /** `use`: money taken off a monetary grant. `free-units-use`: units of a meter's free allowance. */
  readonly kind: 'use' | 'free-units-use';
  /** Negative: a use lowers the grant's balance. Money in `currency`, or units of `meterId`. */
  readonly amount: Decimal;
  readonly currency: string | null;
  readonly meterId: string | null;
  readonly description: string;
}

/** What one adjuster adds to a draft. */
export interface Adjustment {
  readonly lines: readonly AdjustmentLine[];
  readonly ledger: readonly LedgerEntryDraft[];
}

/**
 * A step that adds discount or credit lines to an invoice draft, after its charge lines and before
 * tax. Adjusters run in ascending `stage` (see `AdjustInvoiceDraft` for the order and its reasons);
 * each sees the charge lines and every line the earlier stages added. An adjuster must be
 * deterministic for the same inputs and stored state, and must not write anything: what is to be
 * recorded comes back in `ledger`.
 */
export const LineAdjuster = Symbol('LineAdjuster');
export interface LineAdjuster {
  /** 20 promotions, 30 coupons, 40 credits (10, free units, happens before rating). */
  readonly stage: number;
  readonly name: string;
  /**
   * Reads the stored state the adjuster needs for the drafts of these accounts, at once: an invoice
   * run adjusts hundreds of drafts per read. A draft of any other account is not adjusted by it.
   */
  load(accountIds: readonly string[]): Promise<LoadedLineAdjuster>;
}

/** An adjuster with its stored state read: adjusting is pure computation. */
export interface LoadedLineAdjuster {
  adjust(charges: readonly ChargeLine[], earlier: readonly AdjustmentLine[], context: InvoiceContext): Adjustment;
}
