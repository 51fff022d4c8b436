import { Decimal } from '../../../core/money/decimal';
import type { PriceTier } from '../../../core/rating/price-model';
import type { MeterCharge, RateCard } from '../../../core/rating/rate-card';

export const d = (value: string): Decimal => new Decimal(value);

/** Tiers written as `[from, to | null, unitPrice, flatFee?]`, as an admin types them. */
export function tiers(...rows: [string, string | null, string, string?][]): PriceTier[] {
  return rows.map(([from, to, unitPrice, flatFee]) => ({
    from: d(from),
    to: to === null ? null : d(to),
    unitPrice: d(unitPrice),
    ...(flatFee === undefined ? {} : { flatFee: d(flatFee) }),
  }));
}

/** VM hours: the first 100 h at 0.05, above that 0.04. */
export const vmHourTiers = tiers(['0', '100', '0.05'], ['100', null, '0.04']);

export function card(overrides: Partial<RateCard> & { charges?: Record<string, MeterCharge> } = {}): RateCard {
  return {
    id: 'gold-2025',
    offer: { kind: 'plan', id: 'gold' },
    currency: 'EUR',
    effectiveFrom: new Date('2025-01-01T00:00:00Z'),
    charges: { 'vm.hours': { model: { kind: 'graduated', tiers: vmHourTiers } } },
    fixedFees: [{ id: 'base', description: 'Gold plan', interval: 'monthly', amount: d('30.00') }],
    ...overrides,
  };
}

/** A breakdown line as plain strings, to compare with `deep.equal`. */
export function lineText(line: { from: Decimal; to: Decimal | null; units: Decimal; amount: Decimal } & ({ unitPrice: Decimal } | { blockPrice: Decimal })) {
  return {
    from: line.from.toFixed(),
    to: line.to === null ? null : line.to.toFixed(),
    units: line.units.toFixed(),
    price: ('unitPrice' in line ? line.unitPrice : line.blockPrice).toFixed(),
    amount: line.amount.toFixed(),
  };
}
