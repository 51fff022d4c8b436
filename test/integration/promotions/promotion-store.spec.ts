import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import type { Promotion } from '../../../core/promotions/promotion';
import { PromotionStore } from '../../../core/promotions/promotion-store';
import { testBackend } from '../../support/test-database';
import { PromotionsWorld } from './promotions-world';

const base = { planIds: ['gold', 'silver'], target: { fees: 'usage' as const, meterIds: ['vm.hours'] }, automatic: true };

describe(`promotion store on ${testBackend()}`, () => {
  let world: PromotionsWorld;
  before(async () => {
    world = await PromotionsWorld.start('2025-03-01T00:00:00Z');
  });
  after(() => world.stop());

  it('keeps every kind of benefit and validity exactly, automatic ones listed oldest first', async () => {
    const promotions: Promotion[] = [
      { ...base, id: 'rec', name: 'Recurring', benefit: { kind: 'percentage', percent: new Decimal('12.5') }, validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00.123Z'), until: new Date('2025-07-01T00:00:00Z') }, createdAt: new Date('2025-01-03T00:00:00Z') },
      { ...base, id: 'days', name: 'Trial', benefit: { kind: 'percentage', percent: new Decimal('100') }, validity: { kind: 'days', days: 14, unit: 'day' }, createdAt: new Date('2025-01-01T00:00:00Z') },
      { ...base, id: 'cyc', name: 'Cycles', benefit: { kind: 'amount', amount: new Decimal('0.01'), currency: 'BHD' }, validity: { kind: 'cycles', cycles: 3 }, createdAt: new Date('2025-01-02T00:00:00Z') },
      { ...base, id: 'first', name: 'Sign-up', benefit: { kind: 'percentage', percent: new Decimal('10') }, validity: { kind: 'first-invoice' }, automatic: false, createdAt: new Date('2025-01-04T00:00:00Z') },
    ];
    for (const p of promotions) expect((await world.definePromotion.define(p)).ok).to.equal(true);
    const store = world.get<PromotionStore>(PromotionStore);
    const read = await store.find('rec');
    expect(read?.validity).to.deep.equal(promotions[0].validity);
    expect((read?.benefit as { percent: Decimal }).percent.toFixed()).to.equal('12.5');
    expect(((await store.find('cyc'))?.benefit as { amount: Decimal }).amount.toFixed()).to.equal('0.01');
    expect((await store.automatic()).map((p) => p.id)).to.deep.equal(['days', 'cyc', 'rec']);
  });

  it('refuses a promotion that could not apply', async () => {
    const bad = await world.definePromotion.define({ ...base, id: 'bad', name: 'Too much', benefit: { kind: 'percentage', percent: new Decimal('120') }, validity: { kind: 'first-invoice' }, createdAt: new Date() });
    expect(bad).to.include({ ok: false, error: 'invalid_promotion' });
  });
});
