import type { Decimal } from '../money/decimal';
import { fail, ok, type Result } from '../shared/result';
import type { RateCard } from './rate-card';
import { rateQuantity, type QuantityRating } from './rate-quantity';

/** A meter's rating on a card, in the card's currency, ready to become an invoice line. */
export interface MeterRating extends QuantityRating {
  readonly rateCardId: string;
  readonly meterId: string;
  readonly currency: string;
}

/**
 * Rates one meter's billed quantity for a period with the card in effect for that period.
 * `meter_not_priced` when the card has no charge for the meter: the caller decides whether usage
 * of an unpriced meter is free or worth a warning.
 */
export function rateMeter(card: RateCard, meterId: string, quantity: Decimal): Result<MeterRating, 'meter_not_priced'> {
  if (!Object.hasOwn(card.charges, meterId)) return fail('meter_not_priced', `Rate card ${card.id} has no charge for meter ${meterId}`);
  return ok({ rateCardId: card.id, meterId, currency: card.currency, ...rateQuantity(card.charges[meterId], quantity) });
}
