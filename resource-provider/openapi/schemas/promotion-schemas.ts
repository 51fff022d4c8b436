import { Type } from '@sinclair/typebox';
import { NullableString } from '../../wap/contract/schema-kit';
import { InstantString, KindedPlaceholder, kindedUnion, PositiveDecimalString, StringEnum } from './body-schemas';

const instant = Type.String({ format: 'date-time' });

export const BENEFIT_VARIANTS = {
  percentage: Type.Object({ kind: Type.Literal('percentage'), percent: PositiveDecimalString('a decimal string such as "10" or "12.5" (more than 0, at most 100)') }),
  amount: Type.Object({
    kind: Type.Literal('amount'),
    amount: PositiveDecimalString('a decimal string such as "5.00"'),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'an ISO 4217 code such as USD' }),
  }),
};

export const VALIDITY_VARIANTS = {
  recurring: Type.Object({ kind: Type.Literal('recurring'), from: InstantString(), until: Type.Union([InstantString(), Type.Null()]) }),
  days: Type.Object({ kind: Type.Literal('days'), days: Type.Integer({ minimum: 1 }), unit: StringEnum(['day', 'second'] as const) }),
  cycles: Type.Object({ kind: Type.Literal('cycles'), cycles: Type.Integer({ minimum: 1 }) }),
  'first-invoice': Type.Object({ kind: Type.Literal('first-invoice') }),
};

const promotionFields = {
  name: Type.String({ minLength: 1, maxLength: 256 }),
  planIds: Type.Optional(Type.Array(Type.String(), { description: 'WAP plan (or add-on) ids; absent or empty: every plan' })),
  automatic: Type.Optional(Type.Boolean({ description: 'true: applies to every subscription of the plans; false (default): only through a coupon' })),
  target: Type.Optional(Type.Object({
    fees: StringEnum(['fixed', 'usage', 'both'] as const),
    meterIds: Type.Optional(Type.Array(Type.String(), { description: 'for usage: only these meters; absent or empty: every meter' })),
  }, { description: 'default: both fees, every meter' })),
};

/** What the route checks first; `benefit` and `validity` are then checked by their `kind`. */
export const PromotionBodyEnvelope = Type.Object({ ...promotionFields, benefit: KindedPlaceholder, validity: KindedPlaceholder });

export const PromotionBody = Type.Object(
  { ...promotionFields, benefit: kindedUnion(BENEFIT_VARIANTS), validity: kindedUnion(VALIDITY_VARIANTS) },
  { title: 'PromotionDefinition' },
);

const benefitJson = Type.Union([
  Type.Object({ kind: Type.Literal('percentage'), percent: Type.String() }),
  Type.Object({ kind: Type.Literal('amount'), amount: Type.String(), currency: Type.String() }),
]);
const validityJson = Type.Union([
  Type.Object({ kind: Type.Literal('recurring'), from: instant, until: Type.Union([instant, Type.Null()]) }),
  Type.Object({ kind: Type.Literal('days'), days: Type.Integer(), unit: Type.String() }),
  Type.Object({ kind: Type.Literal('cycles'), cycles: Type.Integer() }),
  Type.Object({ kind: Type.Literal('first-invoice') }),
]);

export const PromotionJson = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    planIds: Type.Array(Type.String()),
    automatic: Type.Boolean(),
    benefit: benefitJson,
    target: Type.Object({ fees: Type.String(), meterIds: Type.Array(Type.String()) }),
    validity: validityJson,
    createdAt: instant,
  },
  { title: 'Promotion' },
);

export const CouponBody = Type.Object(
  {
    promotionId: Type.String({ minLength: 1 }),
    maxRedemptions: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'over all accounts; absent or null: no limit' })),
    maxPerAccount: Type.Optional(Type.Integer({ minimum: 1, description: 'each for another subscription of the account; default 1' })),
    expiresAt: Type.Optional(Type.Union([InstantString(), Type.Null()], { description: 'the first instant the code is refused; absent or null: never' })),
  },
  { title: 'CouponDefinition' },
);

export const CouponJson = Type.Object(
  {
    code: Type.String(),
    promotionId: Type.String(),
    maxRedemptions: Type.Union([Type.Integer(), Type.Null()]),
    maxPerAccount: Type.Integer(),
    expiresAt: Type.Union([instant, Type.Null()]),
    createdAt: instant,
  },
  { title: 'Coupon' },
);

export const RedeemBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { title: 'CouponRedemptionRequest' });

export const RedemptionJson = Type.Object(
  { code: Type.String(), accountId: Type.String(), subscriptionId: NullableString(), redeemedAt: instant },
  { title: 'CouponRedemption' },
);
