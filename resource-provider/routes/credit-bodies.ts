import { randomUUID } from 'node:crypto';
import { minorUnitsOf } from '../../core/money/currency';
import { Decimal } from '../../core/money/decimal';
import type { CreditBalance } from '../../core/credits/get-credit-balance';
import type { CreditGrant, LedgerEntry } from '../../core/credits/credit-grant';
import { validBody } from '../wap/contract/validate';
import { GRANT_VARIANTS, GrantBodyEnvelope } from '../openapi/schemas/credit-schemas';
import { instantOf, validKinded } from './request-body';

/** A grant from a POST body, checked field by field (400 naming it); amounts and expiry are the use case's checks. */
export function grantFrom(accountId: string, body: unknown, grantedAt: Date): CreditGrant {
  const common = validBody(GrantBodyEnvelope, body, 'CreditGrant');
  const kinded = validKinded(GRANT_VARIANTS, body, 'CreditGrant');
  const base = {
    id: common.id ?? randomUUID(),
    accountId,
    subscriptionId: common.subscriptionId?.toLowerCase() ?? null,
    description: common.description,
    grantedAt,
    expiresAt: common.expiresAt == null ? null : instantOf(common.expiresAt, 'CreditGrant.expiresAt'),
  };
  return kinded.kind === 'monetary'
    ? { ...base, kind: 'monetary', amount: new Decimal(kinded.amount), currency: kinded.currency }
    : { ...base, kind: 'free-units', meterId: kinded.meterId, quantityPerPeriod: new Decimal(kinded.quantityPerPeriod) };
}

export function grantJson(g: CreditGrant, balance?: { balance: Decimal; expired: boolean }) {
  const common = {
    id: g.id, kind: g.kind, accountId: g.accountId, subscriptionId: g.subscriptionId, description: g.description,
    grantedAt: g.grantedAt.toISOString(), expiresAt: g.expiresAt?.toISOString() ?? null,
  };
  const specific = g.kind === 'monetary' ? { amount: money(g.amount, g.currency), currency: g.currency } : { meterId: g.meterId, quantityPerPeriod: g.quantityPerPeriod.toFixed() };
  return { ...common, ...specific, ...(balance ? { balance: g.kind === 'monetary' ? money(balance.balance, g.currency) : balance.balance.toFixed(), expired: balance.expired } : {}) };
}

export function balanceJson(currency: string, balance: CreditBalance) {
  return { currency, available: money(balance.available, currency), grants: balance.grants.map((g) => grantJson(g.grant, g)) };
}

export function ledgerJson(row: LedgerEntry) {
  return { ...row, amount: row.currency === null ? row.amount.toFixed() : money(row.amount, row.currency), createdAt: row.createdAt.toISOString() };
}

/** Stored decimals come back with the column's 12 digits, or none: shown with the currency's digits, as on invoices. */
function money(amount: Decimal, currency: string): string {
  return amount.toFixed(minorUnitsOf(currency));
}
