import { Decimal } from '../money/decimal';
import { rateGraduated } from './graduated-model';
import { ratePackage } from './package-model';
import { ratePerUnit } from './per-unit-model';
import type { ModelRating, PriceModel } from './price-model';
import type { MeterCharge } from './rate-card';
import { rateVolume } from './volume-model';

/** The rating of one meter's billed quantity over one period. */
export interface QuantityRating extends ModelRating {
  /** The billed quantity as aggregated for the period. */
  readonly quantity: Decimal;
  /** How much of the included quantity the usage took (≤ the included quantity). */
  readonly includedUnits: Decimal;
  /** What the model priced: quantity − includedUnits. */
  readonly chargedUnits: Decimal;
}

/**
 * Rates a billed quantity: the included quantity comes off first, then the model prices the rest.
 * The amount is unrounded (the invoice line rounds it once). A negative quantity throws a
 * `RangeError`: aggregated usage is never negative, so it would be a bug upstream.
 */
export function rateQuantity(charge: MeterCharge, quantity: Decimal): QuantityRating {
  if (!quantity.isFinite() || quantity.isNegative()) throw new RangeError(`Cannot rate quantity ${quantity.toString()}`);
  const includedUnits = Decimal.min(quantity, charge.includedQuantity ?? new Decimal(0));
  const chargedUnits = quantity.minus(includedUnits);
  return { quantity, includedUnits, chargedUnits, ...rateWithModel(charge.model, chargedUnits) };
}

function rateWithModel(model: PriceModel, quantity: Decimal): ModelRating {
  switch (model.kind) {
    case 'per-unit': return ratePerUnit(model, quantity);
    case 'graduated': return rateGraduated(model, quantity);
    case 'volume': return rateVolume(model, quantity);
    case 'package': return ratePackage(model, quantity);
  }
}
