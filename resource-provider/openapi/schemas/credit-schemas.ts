import { Type } from '@sinclair/typebox';
import { Guid, NullableString } from '../../wap/contract/schema-kit';
import { InstantString, kindedUnion, PositiveDecimalString } from './body-schemas';

const instant = Type.String({ format: 'date-time' });
const money = Type.String({ description: "exact decimal with the currency's digits, e.g. 25.00" });

export const GRANT_VARIANTS = {
  monetary: Type.Object({
    kind: Type.Literal('monetary'),
    amount: PositiveDecimalString('a decimal string with at most the currency\'s digits, such as "25.00"'),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'an ISO 4217 code such as USD' }),
  }),
  'free-units': Type.Object({
    kind: Type.Literal('free-units'),
    meterId: Type.String({ minLength: 1 }),
    quantityPerPeriod: PositiveDecimalString('a decimal string such as "100"; unused units do not carry over'),
  }),
};

const grantFields = {
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'chosen by the caller so that a retry is refused (409) rather than granted twice; default: a new UUID' })),
  description: Type.String({ minLength: 1, maxLength: 256, description: 'shown on invoice lines and in the ledger' }),
  expiresAt: Type.Optional(Type.Union([InstantString(), Type.Null()], { description: 'the first instant the grant no longer counts; absent or null: never' })),
  subscriptionId: Type.Optional(Type.Union([Guid(), Type.Null()], { description: "one subscription of the account; absent or null: the account's team pool" })),
};

/** What the route checks first; the fields of the `kind` are then checked by it. */
export const GrantBodyEnvelope = Type.Object(grantFields);

export const GrantBody = Type.Intersect([Type.Object(grantFields), kindedUnion(GRANT_VARIANTS)], { title: 'CreditGrantRequest' });

export const GrantJson = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('monetary'), Type.Literal('free-units')]),
    accountId: Type.String(),
    subscriptionId: NullableString(),
    description: Type.String(),
    amount: Type.Optional(money),
    currency: Type.Optional(Type.String()),
    meterId: Type.Optional(Type.String()),
    quantityPerPeriod: Type.Optional(Type.String()),
    grantedAt: instant,
    expiresAt: Type.Union([instant, Type.Null()]),
    balance: Type.Optional(Type.String({ description: 'monetary grants: what is left' })),
    expired: Type.Optional(Type.Boolean()),
  },
  { title: 'CreditGrant' },
);

export const LedgerEntryJson = Type.Object(
  {
    grantId: Type.String(),
    kind: Type.Union(['grant', 'use', 'reversal', 'free-units-use'].map((k) => Type.Literal(k))),
    amount: Type.String({ description: 'signed: uses are negative; units of meterId when currency is null' }),
    currency: NullableString(),
    meterId: NullableString(),
    invoiceId: NullableString(),
    description: Type.String(),
    createdAt: instant,
  },
  { title: 'CreditLedgerEntry' },
);

export const CreditBalanceJson = Type.Object(
  {
    currency: Type.String({ description: "the account's currency; grants in another currency are not counted" }),
    available: money,
    grants: Type.Array(GrantJson, { description: 'monetary grants in that currency, expired ones included' }),
  },
  { title: 'CreditBalance' },
);

export const AccountCreditsJson = Type.Object(
  {
    accountId: Type.String(),
    balance: CreditBalanceJson,
    grants: Type.Array(GrantJson, { description: 'every grant, monetary and free units' }),
    ledger: Type.Array(LedgerEntryJson, { description: 'oldest first' }),
  },
  { title: 'AccountCredits' },
);
