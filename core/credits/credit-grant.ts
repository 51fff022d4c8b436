import type { Decimal } from '../money/decimal';

interface GrantBase {
  readonly id: string;
  readonly accountId: string;
  /** The one subscription the grant is for; null for the account's team pool, shared by all its subscriptions. */
  readonly subscriptionId: string | null;
  /** Shown on invoice lines and in the ledger ("Outage credit, March"). */
  readonly description: string;
  readonly grantedAt: Date;
  /** The first instant the grant no longer counts; null for never. See `isGrantUsable`. */
  readonly expiresAt: Date | null;
}

/** Money the account may spend on invoices: a balance in the account's currency. */
export interface MonetaryGrant extends GrantBase {
  readonly kind: 'monetary';
  /** Positive, at the currency's precision. */
  readonly amount: Decimal;
  readonly currency: string;
}

/**
 * Free units of one meter each billing period ("hourly credits": 100 `vm.runtime-hours` a month),
 * taken off the metered quantity before rating. Each period starts afresh: unused units do not
 * carry over. With `subscriptionId` null, each subscription of the account gets the allowance.
 */
export interface FreeUnitsGrant extends GrantBase {
  readonly kind: 'free-units';
  readonly meterId: string;
  readonly quantityPerPeriod: Decimal;
}

export type CreditGrant = MonetaryGrant | FreeUnitsGrant;

/** One row of the credit ledger: every grant, use and reversal is one; balances are their sums. */
export interface LedgerEntry {
  readonly grantId: string;
  readonly accountId: string;
  /**
   * `grant`: the amount granted (positive). `use`: taken by an invoice (negative). `reversal`: a
   * voided invoice gives a use back (positive). `free-units-use`: units of an allowance an invoice
   * used (negative; an allowance resets each period, so these rows are a record, not a balance).
   */
  readonly kind: 'grant' | 'use' | 'reversal' | 'free-units-use';
  readonly amount: Decimal;
  /** Null for rows counting units of `meterId`. */
  readonly currency: string | null;
  readonly meterId: string | null;
  /** The invoice of a use or reversal; null for a grant. */
  readonly invoiceId: string | null;
  readonly description: string;
  readonly createdAt: Date;
}

/**
 * Whether a grant counts for an invoice of `period`: granted before the period ended and not
 * expired before it began. A credit valid for any part of the period pays for the service the
 * tenant used while it was valid, and an admin may grant one late to make up for that period.
 */
export function isGrantUsable(grant: CreditGrant, period: { from: Date; to: Date }): boolean {
  return grant.grantedAt < period.to && (grant.expiresAt === null || grant.expiresAt > period.from);
}

/** Subscription grants before the team pool; then the earliest expiry (never last), the oldest, the id. */
export function byUseOrder(a: CreditGrant, b: CreditGrant): number {
  const scope = (g: CreditGrant) => (g.subscriptionId === null ? 1 : 0);
  const expiry = (g: CreditGrant) => g.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return scope(a) - scope(b) || expiry(a) - expiry(b) || a.grantedAt.getTime() - b.grantedAt.getTime() || a.id.localeCompare(b.id);
}
