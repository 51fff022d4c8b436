import { isCurrencyCode } from '../money/currency';
import type { FixedFee, RateCard } from './rate-card';
import { problem, type RateCardProblem } from './rate-card-problem';
import { nonNegative, validatePriceModel } from './validate-price-model';

const FEE_INTERVALS: readonly string[] = ['monthly', 'quarterly', 'annual'];

/**
 * Every problem of a rate card, each naming its field; empty when the card can be published.
 * Rating assumes a validated card, so a card is checked once, when an admin saves it.
 */
export function validateRateCard(card: RateCard): RateCardProblem[] {
  const found: RateCardProblem[] = [];
  if (!card.id) found.push(problem('id', 'required', 'A rate card needs an id'));
  if (!card.offer?.id) found.push(problem('offer.id', 'required', 'A rate card prices a plan or an add-on: its WAP id is needed'));
  if (!isCurrencyCode(card.currency)) found.push(problem('currency', 'unknown_currency', `'${card.currency}' is not a known ISO 4217 code`));
  if (!(card.effectiveFrom instanceof Date) || Number.isNaN(card.effectiveFrom.getTime())) {
    found.push(problem('effectiveFrom', 'invalid_date', 'A valid instant is needed'));
  }
  for (const [meterId, charge] of Object.entries(card.charges)) {
    const field = `charges[${JSON.stringify(meterId)}]`;
    if (!meterId) found.push(problem(field, 'required', 'A charge needs a meter id'));
    if (charge.includedQuantity !== undefined) found.push(...nonNegative(charge.includedQuantity, `${field}.includedQuantity`));
    found.push(...validatePriceModel(charge.model, `${field}.model`));
  }
  card.fixedFees.forEach((fee, i) => found.push(...validateFee(fee, `fixedFees[${i}]`, card.fixedFees.slice(0, i))));
  return found;
}

function validateFee(fee: FixedFee, field: string, earlier: readonly FixedFee[]): RateCardProblem[] {
  const found: RateCardProblem[] = [];
  if (!fee.id) found.push(problem(`${field}.id`, 'required', 'A fixed fee needs an id'));
  else if (earlier.some((e) => e.id === fee.id)) found.push(problem(`${field}.id`, 'duplicate_fee_id', `Fee id '${fee.id}' is used twice`));
  if (!FEE_INTERVALS.includes(fee.interval)) found.push(problem(`${field}.interval`, 'unknown_interval', `'${fee.interval}' is not monthly, quarterly or annual`));
  found.push(...nonNegative(fee.amount, `${field}.amount`));
  return found;
}
