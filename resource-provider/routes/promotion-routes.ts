import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { CouponStore } from '../../core/promotions/coupon-store';
import { CreateCoupon } from '../../core/promotions/create-coupon';
import { DefinePromotion } from '../../core/promotions/define-promotion';
import { PromotionStore } from '../../core/promotions/promotion-store';
import { Clock } from '../../core/time/clock';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { CouponBody, CouponJson, PromotionBody, PromotionJson } from '../openapi/schemas/promotion-schemas';
import { couponFrom, couponJson, promotionFrom, promotionJson, sameTerms } from './promotion-bodies';

/** Admins define promotions and issue the coupon codes that attach them. */
@injectable()
export class PromotionRoutes implements RouteContribution {
  constructor(
    @inject(DefinePromotion) private readonly definer: DefinePromotion,
    @inject(PromotionStore) private readonly promotions: PromotionStore,
    @inject(CreateCoupon) private readonly issuer: CreateCoupon,
    @inject(CouponStore) private readonly coupons: CouponStore,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  configure(router: Router): void {
    router.put('/admin/promotions/:id', async (req, res) => {
      const id = String(req.params.id);
      const existing = await this.promotions.find(id);
      // A replacement keeps the first creation time: automatic promotions apply oldest first, and editing one must not reorder them.
      const promotion = promotionFrom(id, req.body, existing?.createdAt ?? this.clock.now());
      res.status(existing ? 200 : 201).json(promotionJson(valueOrThrow(await this.definer.define(promotion))));
    });

    router.get('/admin/promotions', async (_req, res) => {
      res.json({ items: (await this.promotions.list()).map(promotionJson) });
    });

    router.get('/admin/promotions/:id', async (req, res) => {
      const promotion = await this.promotions.find(String(req.params.id));
      if (!promotion) throw new HttpError(404, 'PromotionNotFound', 'No promotion with that id is known');
      res.json(promotionJson(promotion));
    });

    // Coupons are never rewritten (redemptions count against the stored limits), so PUT creates, and a repeat with the same terms is a success.
    router.put('/admin/coupons/:code', async (req, res) => {
      const coupon = couponFrom(String(req.params.code), req.body, this.clock.now());
      const created = await this.issuer.create(coupon);
      if (!created.ok && created.error === 'code_taken') {
        const stored = await this.coupons.find(coupon.code);
        if (stored && sameTerms(stored, coupon)) return void res.json(couponJson(stored));
      }
      res.status(201).json(couponJson(valueOrThrow(created)));
    });

    router.get('/admin/coupons', async (_req, res) => {
      res.json({ items: (await this.coupons.list()).map(couponJson) });
    });

    router.get('/admin/coupons/:code', async (req, res) => {
      const coupon = await this.coupons.find(String(req.params.code));
      if (!coupon) throw new HttpError(404, 'CouponNotFound', 'No coupon with that code is known');
      res.json(couponJson(coupon));
    });
  }

  describe(): OpenApiPaths {
    const tags = ['admin', 'promotions'];
    const id = pathParam('id', 'the promotion id (1–64 characters), shown nowhere to tenants');
    const code = pathParam('code', 'the coupon code: 1–64 of A–Z, 0–9, - and _');
    return {
      '/admin/promotions': {
        get: operation({ summary: 'Every promotion, oldest first', tags, responses: { 200: jsonResponse('The promotions', Type.Object({ items: Type.Array(PromotionJson) })) } }),
      },
      '/admin/promotions/{id}': {
        put: operation({
          summary: 'Define or replace a promotion', tags, parameters: [id],
          description: 'Decimals are strings. Invoices already issued keep their lines; a replacement keeps the first creation time.',
          body: { schema: PromotionBody },
          responses: { 200: jsonResponse('Replaced', PromotionJson), 201: jsonResponse('Created', PromotionJson) },
          errors: [400],
        }),
        get: operation({ summary: 'One promotion', tags, parameters: [id], responses: { 200: jsonResponse('The promotion', PromotionJson) }, errors: [404] }),
      },
      '/admin/coupons': {
        get: operation({ summary: 'Every coupon, newest first', tags, responses: { 200: jsonResponse('The coupons', Type.Object({ items: Type.Array(CouponJson) })) } }),
      },
      '/admin/coupons/{code}': {
        put: operation({
          summary: 'Issue a coupon code for a promotion', tags, parameters: [code],
          description: 'A coupon is never changed once issued: repeating the same terms answers 200, other terms 409 CouponExists.',
          body: { schema: CouponBody },
          responses: { 200: jsonResponse('Already issued with these terms', CouponJson), 201: jsonResponse('Issued', CouponJson) },
          errors: [400, 409],
        }),
        get: operation({ summary: 'One coupon', tags, parameters: [code], responses: { 200: jsonResponse('The coupon', CouponJson) }, errors: [404] }),
      },
    };
  }
}
