import type { Static } from '@sinclair/typebox';
import { minorUnitsOf } from '../../core/money/currency';
import { Decimal } from '../../core/money/decimal';
import type { Coupon } from '../../core/promotions/coupon';
import type { Promotion, PromotionBenefit, PromotionValidity } from '../../core/promotions/promotion';
import { validBody } from '../wap/contract/validate';
import { BENEFIT_VARIANTS, CouponBody, PromotionBodyEnvelope, VALIDITY_VARIANTS } from '../openapi/schemas/promotion-schemas';
import { instantOf, validKinded } from './request-body';

/** A promotion from a PUT body: checked field by field (400 naming it); whether it can apply is the use case's check. */
export function promotionFrom(id: string, body: unknown, createdAt: Date): Promotion {
  const envelope = validBody(PromotionBodyEnvelope, body, 'Promotion');
  return {
    id,
    name: envelope.name,
    planIds: envelope.planIds ?? [],
    automatic: envelope.automatic ?? false,
    benefit: benefitFrom(validKinded(BENEFIT_VARIANTS, envelope.benefit, 'Promotion.benefit')),
    target: { fees: envelope.target?.fees ?? 'both', meterIds: envelope.target?.meterIds ?? [] },
    validity: validityFrom(validKinded(VALIDITY_VARIANTS, envelope.validity, 'Promotion.validity')),
    createdAt,
  };
}

function benefitFrom(benefit: Static<(typeof BENEFIT_VARIANTS)[keyof typeof BENEFIT_VARIANTS]>): PromotionBenefit {
  return benefit.kind === 'percentage'
    ? { kind: 'percentage', percent: new Decimal(benefit.percent) }
    : { kind: 'amount', amount: new Decimal(benefit.amount), currency: benefit.currency };
}

function validityFrom(validity: Static<(typeof VALIDITY_VARIANTS)[keyof typeof VALIDITY_VARIANTS]>): PromotionValidity {
  switch (validity.kind) {
    case 'recurring':
      return {
        kind: 'recurring',
        from: instantOf(validity.from, 'Promotion.validity.from'),
        until: validity.until === null ? null : instantOf(validity.until, 'Promotion.validity.until'),
      };
    case 'days':
      return { kind: 'days', days: validity.days, unit: validity.unit };
    case 'cycles':
      return { kind: 'cycles', cycles: validity.cycles };
    default:
      return { kind: 'first-invoice' };
  }
}

export function couponFrom(code: string, body: unknown, createdAt: Date): Coupon {
  const coupon = validBody(CouponBody, body, 'Coupon');
  return {
    code,
    promotionId: coupon.promotionId,
    maxRedemptions: coupon.maxRedemptions ?? null,
    maxPerAccount: coupon.maxPerAccount ?? 1,
    expiresAt: coupon.expiresAt == null ? null : instantOf(coupon.expiresAt, 'Coupon.expiresAt'),
    createdAt,
  };
}

/** Whether a PUT repeats the coupon as stored: a retried PUT is answered as a success, not a conflict. */
export function sameTerms(a: Coupon, b: Coupon): boolean {
  return a.promotionId === b.promotionId && a.maxRedemptions === b.maxRedemptions && a.maxPerAccount === b.maxPerAccount
    && (a.expiresAt?.getTime() ?? null) === (b.expiresAt?.getTime() ?? null);
}

export function promotionJson(p: Promotion) {
  const { benefit: b, validity: v } = p;
  return {
    id: p.id,
    name: p.name,
    planIds: [...p.planIds],
    automatic: p.automatic,
    benefit: b.kind === 'percentage' ? { kind: b.kind, percent: b.percent.toFixed() } : { kind: b.kind, amount: b.amount.toFixed(Math.max(b.amount.decimalPlaces(), minorUnitsOf(b.currency))), currency: b.currency },
    target: { fees: p.target.fees, meterIds: [...p.target.meterIds] },
    validity: v.kind === 'recurring' ? { kind: v.kind, from: v.from.toISOString(), until: v.until?.toISOString() ?? null } : v,
    createdAt: p.createdAt.toISOString(),
  };
}

export function couponJson(c: Coupon) {
  return { ...c, expiresAt: c.expiresAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString() };
}
