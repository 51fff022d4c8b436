import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { RateCard } from './rate-card';
import { rateCardFromJson, type RateCardJson } from './rate-card-json';
import type { RateCardProblem } from './rate-card-problem';
import { RateCardStore } from './rate-card-store';
import { validateRateCard } from './validate-rate-card';

export type PublishRateCardResult =
  | Result<RateCard, 'rate_card_changed'>
  | { ok: false; error: 'invalid_rate_card'; message: string; problems: readonly RateCardProblem[] };

/** An admin publishes a rate card version, given as JSON with decimal strings. */
@injectable()
export class PublishRateCard {
  constructor(
    @inject(RateCardStore) private readonly cards: RateCardStore,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Validates and stores the card under `id`. The same card sent again answers it unchanged; other
   * content under a published id is `rate_card_changed`: publish a new version under a new id.
   */
  async publish(id: string, json: RateCardJson): Promise<PublishRateCardResult> {
    const card = rateCardFromJson(id, json);
    const problems = validateRateCard(card);
    if (problems.length > 0) {
      return { ok: false, error: 'invalid_rate_card', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems };
    }
    const outcome = await this.cards.publish(card, this.clock.now());
    if (outcome === 'conflict') return fail('rate_card_changed', `Rate card '${id}' is published with other content; publish a new version under a new id`);
    return ok(card);
  }
}
