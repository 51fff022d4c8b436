import { Decimal } from '../money/decimal';
import type { ModelRating, PackageModel, RatedLine } from './price-model';

/**
 * A price per started block: after the free units, ⌈units ÷ blockSize⌉ blocks at blockPrice, so a
 * partial block costs a whole one (25 GB in 10 GB blocks is 3 blocks). The free units show as a
 * line at price 0 so the invoice explains why they cost nothing.
 */
export function ratePackage(model: PackageModel, quantity: Decimal): ModelRating {
  const zero = new Decimal(0);
  const freeUnits = model.freeUnits ?? zero;
  const lines: RatedLine[] = [];
  const freeUsed = Decimal.min(quantity, freeUnits);
  if (freeUsed.gt(0)) {
    lines.push({ kind: 'tier', from: zero, to: freeUnits, units: freeUsed, unitPrice: zero, flatFee: zero, amount: zero });
  }
  const units = quantity.minus(freeUsed);
  if (units.isZero()) return { amount: zero, lines };
  const blocks = units.div(model.blockSize).ceil();
  const amount = blocks.times(model.blockPrice);
  lines.push({ kind: 'blocks', from: freeUnits, to: null, units, blockSize: model.blockSize, blocks, blockPrice: model.blockPrice, amount });
  return { amount, lines };
}
