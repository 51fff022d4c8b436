import type { Decimal } from '../money/decimal';
import type { PriceModel } from './price-model';

/** What a rate card prices: a WAP plan or add-on, by WAP's own id. */
export interface PricedOffer {
  readonly kind: 'plan' | 'add-on';
  readonly id: string;
}

/** How one meter is priced on a rate card. */
export interface MeterCharge {
  readonly model: PriceModel;
  /**
   * Units free in each billing period, taken off the billed quantity before the model sees it:
   * with 10 included and graduated tiers 0–100, 100–∞, a usage of 111 prices 101 units, so the
   * second tier starts at the 111th unit used. Absent means 0.
   */
  readonly includedQuantity?: Decimal;
}

/** How often a fixed fee falls due. */
export type FeeInterval = 'monthly' | 'quarterly' | 'annual';

/** A recurring fee charged whatever the usage (the plan's base price, a support add-on). */
export interface FixedFee {
  /** Unique on the card; names the invoice line's source. */
  readonly id: string;
  readonly description: string;
  readonly interval: FeeInterval;
  /** For one whole interval, in the card's currency; prorated for partial periods. */
  readonly amount: Decimal;
}

/**
 * The prices of one plan or add-on from `effectiveFrom` on. Cards are versioned by effective date:
 * the card that applies to a billing period is the latest one effective at or before the period's
 * start (`rateCardInEffect`), so a new version applies from the first period that starts after it
 * and never changes a past or running period, nor an issued invoice.
 */
export interface RateCard {
  readonly id: string;
  readonly offer: PricedOffer;
  /** ISO 4217 code of every price on the card. */
  readonly currency: string;
  /** UTC instant from which the card applies to periods that start then or later. */
  readonly effectiveFrom: Date;
  /** Meter id (`vm.hours`) → its charge. A meter absent here is not billed by this offer. */
  readonly charges: Readonly<Record<string, MeterCharge>>;
  readonly fixedFees: readonly FixedFee[];
}
