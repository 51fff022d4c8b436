import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { PublishRateCard } from '../../core/rating/publish-rate-card';
import { rateCardToJson } from '../../core/rating/rate-card-json';
import { RateCardStore } from '../../core/rating/rate-card-store';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';

/**
 * Admins publish rate card versions and list them. Prices travel as decimal strings; a card that
 * does not validate is a 400 whose inner errors name each field, for the portal to highlight.
 */
@injectable()
export class RateCardRoutes implements RouteContribution {
  constructor(
    @inject(PublishRateCard) private readonly publisher: PublishRateCard,
    @inject(RateCardStore) private readonly cards: RateCardStore,
  ) {}

  configure(router: Router): void {
    router.put('/admin/rate-cards/:id', async (req, res) => {
      const body: unknown = req.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'BadRequest', 'The body must be a rate card as a JSON object');
      const result = await this.publisher.publish(String(req.params.id), body as Record<string, unknown>);
      if (!result.ok && result.error === 'invalid_rate_card') {
        const inner = result.problems.map((p) => ({ Code: p.code, Message: `${p.field}: ${p.message}`, Parameters: [p.field] }));
        throw new HttpError(400, 'BadRequest', `The rate card is not valid: ${result.message}`, inner);
      }
      res.json(rateCardToJson(valueOrThrow(result)));
    });

    router.get('/admin/rate-cards', async (req, res) => {
      const offerId = typeof req.query.offerId === 'string' ? req.query.offerId : undefined;
      const kind = req.query.offerKind === 'add-on' ? 'add-on' : 'plan';
      const cards = await this.cards.list(offerId ? { kind, id: offerId } : undefined);
      res.json({ items: cards.map(rateCardToJson) });
    });
  }
}
