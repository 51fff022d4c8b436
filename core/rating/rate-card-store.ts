import type { PricedOffer, RateCard } from './rate-card';

/** What publishing a card did. `conflict`: the id is taken by a card with other content. */
export type PublishOutcome = 'created' | 'unchanged' | 'conflict';

/**
 * Published rate cards. A card never changes once stored (an issued invoice must be explainable
 * by the card that priced it): a new price is a new card with a later `effectiveFrom`.
 */
export const RateCardStore = Symbol('RateCardStore');
export interface RateCardStore {
  /** Stores a validated card; storing the same card again is `unchanged`, so a retried PUT is harmless. */
  publish(card: RateCard, at: Date): Promise<PublishOutcome>;
  find(id: string): Promise<RateCard | undefined>;
  /** Every card, or those of one offer, by offer then effective date. */
  list(offer?: PricedOffer): Promise<RateCard[]>;
}
