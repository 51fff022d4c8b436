import { expect } from 'chai';
import { roundedAmountText } from '../../../core/money/round-to-currency';
import { rateCardInEffect } from '../../../core/rating/rate-card-in-effect';
import { rateMeter } from '../../../core/rating/rate-meter';
import type { RateCard } from '../../../core/rating/rate-card';
import { card, d } from './price-fixtures';

describe('rate card versions by effective date', () => {
  const gold = { kind: 'plan' as const, id: 'gold' };
  const january = card({ id: 'gold-v1', effectiveFrom: new Date('2025-01-01T00:00:00Z'), charges: { 'vm.hours': { model: { kind: 'per-unit', unitPrice: d('0.05') } } } });
  // published mid-March: a price rise
  const march = card({ id: 'gold-v2', effectiveFrom: new Date('2025-03-15T00:00:00Z'), charges: { 'vm.hours': { model: { kind: 'per-unit', unitPrice: d('0.06') } } } });
  const silver = card({ id: 'silver-v1', offer: { kind: 'plan', id: 'silver' }, effectiveFrom: new Date('2025-01-01T00:00:00Z') });
  const cards: RateCard[] = [march, silver, january];

  const priceOf = (periodStart: string): string => {
    const chosen = rateCardInEffect(cards, gold, new Date(periodStart));
    if (!chosen.ok) throw new Error(chosen.error);
    const rated = rateMeter(chosen.value, 'vm.hours', d('100'));
    if (!rated.ok) throw new Error(rated.error);
    return `${chosen.value.id} ${roundedAmountText(rated.value.amount, 'EUR')}`;
  };

  it('keeps pricing the period running when a new version is published mid-period', () => {
    // the March period started on Mar 1, before v2 took effect: 100 × 0.05 = 5.00
    expect(priceOf('2025-03-01T00:00:00Z')).to.equal('gold-v1 5.00');
  });

  it('prices the first period starting after the new version with it', () => {
    // April starts after Mar 15: 100 × 0.06 = 6.00
    expect(priceOf('2025-04-01T00:00:00Z')).to.equal('gold-v2 6.00');
  });

  it('applies a version from a period that starts exactly at its effective date', () => {
    expect(priceOf('2025-03-15T00:00:00Z')).to.equal('gold-v2 6.00');
  });

  it('never reprices a past period', () => {
    // February, asked again after v2 exists, still gets v1: 100 × 0.05 = 5.00
    expect(priceOf('2025-02-01T00:00:00Z')).to.equal('gold-v1 5.00');
  });

  it('finds no card for a period before the first version', () => {
    expect(rateCardInEffect(cards, gold, new Date('2024-12-01T00:00:00Z'))).to.include({ ok: false, error: 'no_rate_card' });
  });

  it('reports two versions with the same effective date as ambiguous', () => {
    const twin = card({ id: 'gold-v2-bis', effectiveFrom: march.effectiveFrom });
    expect(rateCardInEffect([...cards, twin], gold, new Date('2025-04-01T00:00:00Z'))).to.include({ ok: false, error: 'ambiguous_rate_card' });
  });

  it('tells a plan from an add-on with the same id', () => {
    const addOn = card({ id: 'gold-addon', offer: { kind: 'add-on', id: 'gold' }, effectiveFrom: new Date('2025-06-01T00:00:00Z') });
    const chosen = rateCardInEffect([...cards, addOn], gold, new Date('2025-07-01T00:00:00Z'));
    expect(chosen.ok && chosen.value.id).to.equal('gold-v2');
  });
});
