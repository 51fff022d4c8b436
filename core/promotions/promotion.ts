import type { ProrationUnit } from '../billing-cycles/proration';
import type { Decimal } from '../money/decimal';

/** How much a promotion takes off. */
export type PromotionBenefit =
  /** `percent` of each eligible line (0 < percent ≤ 100); 100 is a trial. */
  | { readonly kind: 'percentage'; readonly percent: Decimal }
  /**
   * `amount` off per subscription and billing period, in `currency`, spread over the eligible
   * lines in their order and never more than they add up to. Skipped on an invoice in another
   * currency: amounts are never converted.
   */
  | { readonly kind: 'amount'; readonly amount: Decimal; readonly currency: string };

/** When a promotion applies to a subscription; "start" is its sign-up, or a coupon's redemption if later. */
export type PromotionValidity =
  /** Every billing period while the promotion runs: `[from, until)`, `until` null for open-ended. */
  | { readonly kind: 'recurring'; readonly from: Date; readonly until: Date | null }
  /**
   * `days` days from the start. Counted by `unit`: `day` takes whole local days in the account's
   * zone, the start's day being day 1; `second` takes exactly days × 86 400 s from the start instant.
   * A period the window covers in part gets that share of the discount (see `coveredShare`).
   */
  | { readonly kind: 'days'; readonly days: number; readonly unit: ProrationUnit }
  /** The first `cycles` billing periods, the one holding the start being the first. */
  | { readonly kind: 'cycles'; readonly cycles: number }
  /** The account's first invoice only: a sign-up discount. */
  | { readonly kind: 'first-invoice' };

/** Which charge lines a promotion reduces. */
export interface PromotionTarget {
  readonly fees: 'fixed' | 'usage' | 'both';
  /** For usage: only these meters; empty means every meter. */
  readonly meterIds: readonly string[];
}

/**
 * A plan-level promotion. `automatic` ones apply to every subscription of `planIds`; the others
 * apply only where a coupon attached them (see `Coupon`).
 */
export interface Promotion {
  readonly id: string;
  /** Shown on the invoice line. */
  readonly name: string;
  /** WAP plan (or add-on) ids the promotion is for; empty means every plan. */
  readonly planIds: readonly string[];
  readonly benefit: PromotionBenefit;
  readonly target: PromotionTarget;
  readonly validity: PromotionValidity;
  readonly automatic: boolean;
  readonly createdAt: Date;
}

/** A trial: 100% off everything for `days` days from sign-up, then the normal price. */
export function isTrial(promotion: Promotion): boolean {
  return promotion.benefit.kind === 'percentage' && promotion.benefit.percent.equals(100) && promotion.validity.kind === 'days';
}
