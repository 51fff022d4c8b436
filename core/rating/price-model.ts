import type { Decimal } from '../money/decimal';

/**
 * One tier of a graduated or volume model. A tier holds the quantities above `from` up to and
 * including `to`: with tiers 0–100 and 100–∞, unit 100 is in the first tier and unit 101 the
 * second. Bounds are exact decimals, so fractional quantities (GB-hours) fall cleanly into tiers.
 */
export interface PriceTier {
  /** Where the tier starts: 0 for the first tier, the previous tier's `to` for the others. */
  readonly from: Decimal;
  /** Where the tier ends, inclusive; null for the last tier, which is open-ended. */
  readonly to: Decimal | null;
  /** Price of one unit in the tier, in the rate card's currency; may have more digits than the currency. */
  readonly unitPrice: Decimal;
  /** Charged once when any unit falls in (graduated) or the total reaches (volume) this tier. */
  readonly flatFee?: Decimal;
}

/** Every unit at one price. */
export interface PerUnitModel {
  readonly kind: 'per-unit';
  readonly unitPrice: Decimal;
}

/** Each unit at the price of the tier it falls in (the first 100 at 0.05, the next at 0.04, …). */
export interface GraduatedModel {
  readonly kind: 'graduated';
  readonly tiers: readonly PriceTier[];
}

/** All units at the price of the one tier the total reaches (130 units: all 130 at the 100–∞ price). */
export interface VolumeModel {
  readonly kind: 'volume';
  readonly tiers: readonly PriceTier[];
}

/** A price per started block of `blockSize` units, after `freeUnits` (10 GB blocks, first 5 GB free). */
export interface PackageModel {
  readonly kind: 'package';
  /** Units per block; greater than 0, may be fractional. */
  readonly blockSize: Decimal;
  readonly blockPrice: Decimal;
  /** Units given before the first block counts; 0 when absent. */
  readonly freeUnits?: Decimal;
}

export type PriceModel = PerUnitModel | GraduatedModel | VolumeModel | PackageModel;

/** A breakdown line priced per unit: one tier of a graduated or volume model, a per-unit price, free units. */
export interface TierLine {
  readonly kind: 'tier';
  /** The tier's bounds, in the quantity the model priced (after the included quantity). */
  readonly from: Decimal;
  readonly to: Decimal | null;
  /** Units priced on this line. */
  readonly units: Decimal;
  readonly unitPrice: Decimal;
  /** The tier's flat fee, 0 when it has none. */
  readonly flatFee: Decimal;
  /** units × unitPrice + flatFee, unrounded. */
  readonly amount: Decimal;
}

/** A breakdown line priced per block: the package model's chargeable units. */
export interface BlockLine {
  readonly kind: 'blocks';
  readonly from: Decimal;
  readonly to: null;
  readonly units: Decimal;
  readonly blockSize: Decimal;
  /** Started blocks: ⌈units ÷ blockSize⌉. */
  readonly blocks: Decimal;
  readonly blockPrice: Decimal;
  /** blocks × blockPrice, unrounded. */
  readonly amount: Decimal;
}

export type RatedLine = TierLine | BlockLine;

/** What a model makes of a quantity: the unrounded amount and the lines that explain it. */
export interface ModelRating {
  readonly amount: Decimal;
  /** Only lines with units in them; empty for a zero quantity. */
  readonly lines: readonly RatedLine[];
}
