import { Decimal } from '../money/decimal';
import type { ModelRating, PerUnitModel } from './price-model';

/** Every unit at the one price: quantity × unitPrice. */
export function ratePerUnit(model: PerUnitModel, quantity: Decimal): ModelRating {
  if (quantity.isZero()) return { amount: new Decimal(0), lines: [] };
  const amount = quantity.times(model.unitPrice);
  return {
    amount,
    lines: [{ kind: 'tier', from: new Decimal(0), to: null, units: quantity, unitPrice: model.unitPrice, flatFee: new Decimal(0), amount }],
  };
}
