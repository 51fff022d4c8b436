import { Decimal } from '../../../core/money/decimal';
import type { ChargeLine, InvoiceContext } from '../../../core/promotions/line-adjuster';
import type { Promotion } from '../../../core/promotions/promotion';

/** A calendar-monthly UTC account's draft for `from`–`to`, its first invoice unless told. */
export function draftContext(from: string, to: string, subscriptions: Record<string, string>, extra: Partial<InvoiceContext> = {}): InvoiceContext {
  return {
    invoiceId: 'inv-1',
    accountId: 'tenant-a',
    currency: 'EUR',
    period: { from: new Date(from), to: new Date(to) },
    cycle: { kind: 'calendar-monthly' },
    zone: 'UTC',
    invoiceSequence: 1,
    subscriptions: Object.entries(subscriptions).map(([subscriptionId, signedUpAt]) => ({ subscriptionId, signedUpAt: new Date(signedUpAt) })),
    ...extra,
  };
}

/** A fixed-fee line over `[from, to)`. */
export function fee(id: string, subscriptionId: string, amount: string, from: string, to: string, planId = 'gold'): ChargeLine {
  return { id, subscriptionId, kind: 'fixed', planId, amount: new Decimal(amount), period: { from: new Date(from), to: new Date(to) } };
}

/** A usage line of `meterId` over `[from, to)`. */
export function usage(id: string, subscriptionId: string, meterId: string, amount: string, from: string, to: string, planId = 'gold'): ChargeLine {
  return { id, subscriptionId, kind: 'usage', meterId, planId, amount: new Decimal(amount), period: { from: new Date(from), to: new Date(to) } };
}

/** A promotion for plan `gold`, automatic, on every fee, unless told otherwise. */
export function promotion(overrides: Partial<Promotion> & Pick<Promotion, 'benefit' | 'validity'>): Promotion {
  return {
    id: 'promo-1',
    name: 'Spring offer',
    planIds: ['gold'],
    target: { fees: 'both', meterIds: [] },
    automatic: true,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

export const percent = (p: string) => ({ kind: 'percentage' as const, percent: new Decimal(p) });

/** The lines' amounts as strings, in order. */
export function amounts(lines: readonly { amount: Decimal }[]): string[] {
  return lines.map((l) => l.amount.toFixed());
}

export function sum(values: readonly { amount: Decimal }[]): string {
  return values.reduce((s, v) => s.plus(v.amount), new Decimal(0)).toFixed();
}
