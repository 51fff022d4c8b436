import { Decimal } from '../money/decimal';
import type { PriceModel, PriceTier } from './price-model';
import { problem, type RateCardProblem } from './rate-card-problem';

/** Problems of one price model; `field` is the model's path on the card. Empty when it can rate. */
export function validatePriceModel(model: PriceModel, field: string): RateCardProblem[] {
  switch (model.kind) {
    case 'per-unit':
      return nonNegative(model.unitPrice, `${field}.unitPrice`);
    case 'graduated':
    case 'volume':
      return validateTiers(model.tiers, `${field}.tiers`);
    case 'package':
      return [
        ...positive(model.blockSize, `${field}.blockSize`),
        ...nonNegative(model.blockPrice, `${field}.blockPrice`),
        ...(model.freeUnits === undefined ? [] : nonNegative(model.freeUnits, `${field}.freeUnits`)),
      ];
    default:
      return [problem(`${field}.kind`, 'unknown_model', `Unknown price model '${(model as { kind: unknown }).kind}'`)];
  }
}

/**
 * Tiers must start at 0, each start where the previous one ends (no gap a quantity could fall
 * into, no overlap priced twice), each end above its start, and only the last be open-ended, so
 * that every quantity has exactly one tier.
 */
function validateTiers(tiers: readonly PriceTier[], field: string): RateCardProblem[] {
  if (tiers.length === 0) return [problem(field, 'no_tiers', 'At least one tier is needed')];
  const found: RateCardProblem[] = [];
  tiers.forEach((tier, i) => {
    const at = `${field}[${i}]`;
    found.push(...nonNegative(tier.unitPrice, `${at}.unitPrice`));
    if (tier.flatFee !== undefined) found.push(...nonNegative(tier.flatFee, `${at}.flatFee`));
    const fromProblems = nonNegative(tier.from, `${at}.from`);
    found.push(...fromProblems);
    const toProblems = tier.to === null ? [] : nonNegative(tier.to, `${at}.to`);
    found.push(...toProblems);
    if (fromProblems.length > 0 || toProblems.length > 0) return;
    const previous = tiers[i - 1];
    if (i === 0 && !tier.from.isZero()) {
      found.push(problem(`${at}.from`, 'first_tier_not_at_zero', `The first tier must start at 0, not ${tier.from.toString()}`));
    } else if (previous?.to && isDecimal(previous.to) && !tier.from.equals(previous.to)) {
      found.push(problem(`${at}.from`, 'tiers_not_contiguous', `Starts at ${tier.from.toString()} but the previous tier ends at ${previous.to.toString()}`));
    }
    if (tier.to !== null && tier.to.lte(tier.from)) {
      found.push(problem(`${at}.to`, 'tier_not_ascending', `Ends at ${tier.to.toString()}, not above its start ${tier.from.toString()}`));
    }
    if (tier.to === null && i < tiers.length - 1) found.push(problem(`${at}.to`, 'open_tier_not_last', 'Only the last tier may be open-ended'));
    if (tier.to !== null && i === tiers.length - 1) found.push(problem(`${at}.to`, 'last_tier_not_open', 'The last tier must be open-ended (to: null)'));
  });
  return found;
}

function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value) && (value as Decimal).isFinite();
}

/** Checks a price or quantity that may be 0. */
export function nonNegative(value: unknown, field: string): RateCardProblem[] {
  if (!isDecimal(value)) return [problem(field, 'not_a_number', 'A finite decimal is needed')];
  return value.isNegative() ? [problem(field, 'negative', `Must not be negative, is ${value.toString()}`)] : [];
}

function positive(value: unknown, field: string): RateCardProblem[] {
  if (!isDecimal(value)) return [problem(field, 'not_a_number', 'A finite decimal is needed')];
  return value.lte(0) ? [problem(field, 'not_positive', `Must be greater than 0, is ${value.toString()}`)] : [];
}
