import { Type } from '@sinclair/typebox';
import type { Request, Router } from 'express';
import { inject, injectable } from 'inversify';
import type { Offer } from '../../core/catalogue/catalogue';
import { CatalogueQuery } from '../../core/catalogue/catalogue-query';
import { HoldingsDuring } from '../../core/catalogue/holdings-during';
import type { Period } from '../../core/usage/metering/aggregation/period';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam, queryParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** Admins' view of the catalogue mirrored from WAP's billing feeds, and the invoicer's holdings. */
@injectable()
export class CatalogueRoutes implements RouteContribution {
  constructor(
    @inject(CatalogueQuery) private readonly catalogue: CatalogueQuery,
    @inject(HoldingsDuring) private readonly holdings: HoldingsDuring,
  ) {}

  configure(router: Router): void {
    router.get('/admin/plans', async (_req, res) => {
      res.json({ items: (await this.catalogue.plans()).map((p) => ({ ...offerView(p), services: p.services, addOnIds: p.addOnIds })) });
    });

    router.get('/admin/addons', async (_req, res) => {
      res.json({ items: (await this.catalogue.addOns()).map(offerView) });
    });

    router.get('/admin/subscriptions', async (req, res) => {
      const offset = wholeNumber(req, 'offset', 0, Number.MAX_SAFE_INTEGER);
      const limit = wholeNumber(req, 'limit', DEFAULT_LIMIT, MAX_LIMIT);
      const { items, total } = await this.catalogue.subscriptions({ offset, limit });
      res.json({ items, total, offset, limit });
    });

    router.get('/admin/subscriptions/:id/holdings', async (req, res) => {
      res.json(valueOrThrow(await this.holdings.holdings(String(req.params.id), period(req))));
    });
  }

  describe(): OpenApiPaths {
    const tags = ['admin', 'catalogue'];
    const nullableText = Type.Union([Type.String(), Type.Null()]);
    const instant = Type.String({ format: 'date-time' });
    const offer = {
      id: Type.String(), displayName: nullableText, state: Type.Union([Type.Integer(), Type.Null()]),
      deletedAt: Type.Union([instant, Type.Null()]), lastEventId: Type.String(), lastEventAt: instant,
    };
    const held = { from: instant, to: instant };
    return {
      '/admin/plans': {
        get: operation({
          summary: 'Plans mirrored from WAP, with the services and add-ons in force', tags,
          responses: { 200: jsonResponse('The plans', Type.Object({ items: Type.Array(Type.Object({ ...offer, services: Type.Array(Type.Object({}, { additionalProperties: true })), addOnIds: Type.Array(Type.String()) }, { title: 'Plan' })) })) },
        }),
      },
      '/admin/addons': {
        get: operation({ summary: 'Add-ons mirrored from WAP', tags, responses: { 200: jsonResponse('The add-ons', Type.Object({ items: Type.Array(Type.Object(offer, { title: 'AddOn' })) })) } }),
      },
      '/admin/subscriptions': {
        get: operation({
          summary: 'Subscriptions with owner, plan and state, a page at a time', tags,
          parameters: [queryParam('offset', 'rows to skip (default 0)', Type.Integer({ minimum: 0 })), queryParam('limit', `rows to return (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})`, Type.Integer({ minimum: 0, maximum: MAX_LIMIT }))],
          responses: {
            200: jsonResponse('A page of subscriptions', Type.Object({
              items: Type.Array(Type.Object({ id: Type.String(), accountId: Type.String(), planId: nullableText, planName: nullableText, name: nullableText, state: Type.String() }, { title: 'SubscriptionListItem' })),
              total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer(),
            })),
          },
          errors: [400],
        }),
      },
      '/admin/subscriptions/{id}/holdings': {
        get: operation({
          summary: 'Who held what, when: the plan, add-ons and states over [from, to)', tags,
          parameters: [pathParam('id', 'the subscription (a GUID)'), queryParam('from', 'start, an ISO 8601 date or instant with a zone', instant), queryParam('to', 'end (exclusive)', instant)],
          responses: {
            200: jsonResponse('The holdings', Type.Object({
              subscriptionId: Type.String(), accountId: Type.String(), period: Type.Object(held),
              plan: Type.Array(Type.Object({ ...held, planId: Type.String(), displayName: nullableText })),
              addOns: Type.Array(Type.Object({ ...held, addOnId: Type.String(), instanceId: Type.String(), displayName: nullableText })),
              states: Type.Array(Type.Object({ ...held, state: Type.String() })),
            }, { title: 'Holdings' })),
          },
          errors: [400, 404],
        }),
      },
    };
  }
}

/** The last event's id stays a string: a .NET long does not fit a JSON number. */
function offerView(offer: Offer) {
  return { id: offer.id, displayName: offer.displayName, state: offer.state, deletedAt: offer.deletedAt, lastEventId: offer.lastEvent.eventId, lastEventAt: offer.lastEvent.at };
}

function wholeNumber(req: Request, name: string, fallback: number, max: number): number {
  const value = req.query[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value) || Number(value) > max) {
    throw new HttpError(400, 'BadRequest', `'${name}' must be a whole number from 0 to ${max}`);
  }
  return Number(value);
}

/** `from` and `to` are required: a holdings question without a period has no one answer. */
function period(req: Request): Period {
  const [from, to] = (['from', 'to'] as const).map((name) => {
    const value = req.query[name];
    const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(value)
      ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
      : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new HttpError(400, 'BadRequest', `'${name}' must be an ISO 8601 date or instant with a zone, such as 2025-03-01T00:00:00Z`);
    return date;
  });
  if (to.getTime() <= from.getTime()) throw new HttpError(400, 'BadRequest', "'to' must be after 'from'");
  return { from, to };
}
