import { fail, ok, type Result } from '../shared/result';
import type { PricedOffer, RateCard } from './rate-card';

/**
 * The card that prices `offer` for a period starting at `periodStart`: the one with the latest
 * `effectiveFrom` at or before the period start. Choosing by the period's start, not by the time of
 * invoicing or of usage, keeps one card per period and means a card published later never reprices
 * a period that had already begun. Two cards of one offer with the same `effectiveFrom` are
 * `ambiguous_rate_card`, since neither can be preferred safely.
 */
export function rateCardInEffect(
  cards: readonly RateCard[],
  offer: PricedOffer,
  periodStart: Date,
): Result<RateCard, 'no_rate_card' | 'ambiguous_rate_card'> {
  const start = periodStart.getTime();
  const candidates = cards.filter((c) => c.offer.kind === offer.kind && c.offer.id === offer.id && c.effectiveFrom.getTime() <= start);
  if (candidates.length === 0) return fail('no_rate_card', `No rate card for ${offer.kind} ${offer.id} effective at ${periodStart.toISOString()}`);
  const latest = Math.max(...candidates.map((c) => c.effectiveFrom.getTime()));
  const chosen = candidates.filter((c) => c.effectiveFrom.getTime() === latest);
  if (chosen.length > 1) return fail('ambiguous_rate_card', `Rate cards ${chosen.map((c) => c.id).join(', ')} share an effective date`);
  return ok(chosen[0]);
}
