import { Decimal } from '../money/decimal';
import type { ModelRating, VolumeModel } from './price-model';

/**
 * All units at the price of the tier the total reaches. With 0–100 at 0.05 and 100–∞ at 0.04,
 * 100 units cost 100 × 0.05 and 101 units cost 101 × 0.04: the bill can drop past a boundary,
 * which is the point of volume pricing. The reached tier's flat fee is added once; a zero quantity
 * reaches no tier and costs nothing. Assumes validated tiers (contiguous from 0, last open-ended).
 */
export function rateVolume(model: VolumeModel, quantity: Decimal): ModelRating {
  if (quantity.isZero()) return { amount: new Decimal(0), lines: [] };
  const tier = model.tiers.find((t) => t.to === null || quantity.lte(t.to));
  if (tier === undefined) throw new RangeError('Volume tiers end before the quantity: the rate card was not validated');
  const flatFee = tier.flatFee ?? new Decimal(0);
  const amount = quantity.times(tier.unitPrice).plus(flatFee);
  return { amount, lines: [{ kind: 'tier', from: tier.from, to: tier.to, units: quantity, unitPrice: tier.unitPrice, flatFee, amount }] };
}
