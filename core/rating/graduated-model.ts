import { Decimal } from '../money/decimal';
import type { GraduatedModel, ModelRating, TierLine } from './price-model';

/**
 * Each unit at the price of the tier it falls in. With 0–100 at 0.05 and 100–∞ at 0.04, 101 units
 * cost 100 × 0.05 + 1 × 0.04. A tier's flat fee is charged once as soon as any unit reaches it.
 * Assumes validated tiers (contiguous from 0, last open-ended).
 */
export function rateGraduated(model: GraduatedModel, quantity: Decimal): ModelRating {
  const lines: TierLine[] = [];
  for (const tier of model.tiers) {
    if (quantity.lte(tier.from)) break;
    const top = tier.to === null ? quantity : Decimal.min(quantity, tier.to);
    const units = top.minus(tier.from);
    const flatFee = tier.flatFee ?? new Decimal(0);
    lines.push({ kind: 'tier', from: tier.from, to: tier.to, units, unitPrice: tier.unitPrice, flatFee, amount: units.times(tier.unitPrice).plus(flatFee) });
  }
  return { amount: lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0)), lines };
}
