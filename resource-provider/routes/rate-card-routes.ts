import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { PublishRateCard } from '../../core/rating/publish-rate-card';
import { rateCardToJson } from '../../core/rating/rate-card-json';
import { RateCardStore } from '../../core/rating/rate-card-store';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
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

  describe(): OpenApiPaths {
    const tags = ['admin', 'pricing'];
    const card = Type.Object({}, { additionalProperties: true, description: 'a rate card: offer, currency, effectiveFrom, charges per meter (price model, tiers, included quantity), fixed fees; every price a decimal string' });
    return {
      '/admin/rate-cards/{id}': {
        put: operation({
          summary: 'Publish a rate card; the same content again changes nothing, other content under a published id is refused', tags,
          parameters: [pathParam('id', 'the rate card; a new price is a new id with a later effectiveFrom')],
          body: { schema: card },
          responses: { 200: jsonResponse('The published card', card) },
          errors: [400, 409],
        }),
      },
      '/admin/rate-cards': {
        get: operation({ summary: 'Every published rate card', tags, responses: { 200: jsonResponse('The cards', Type.Object({ items: Type.Array(card) })) } }),
      },
    };
  }
}
