import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import type { Coupon } from '../../../core/promotions/coupon';
import type { Promotion } from '../../../core/promotions/promotion';
import { testBackend } from '../../support/test-database';
import { amounts, draftContext, fee } from '../../unit/promotions/draft-fixtures';
import { PromotionsWorld } from './promotions-world';

const spring: Promotion = {
  id: 'spring-25', name: 'Spring 25', planIds: ['gold'], benefit: { kind: 'percentage', percent: new Decimal('25') },
  target: { fees: 'fixed', meterIds: [] }, validity: { kind: 'cycles', cycles: 3 }, automatic: false, createdAt: new Date('2025-01-01T00:00:00Z'),
};
const coupon = (overrides: Partial<Coupon> = {}): Coupon => ({
  code: 'SPRING25', promotionId: 'spring-25', maxRedemptions: null, maxPerAccount: 1, expiresAt: new Date('2025-04-01T00:00:00Z'),
  createdAt: new Date('2025-01-01T00:00:00Z'), ...overrides,
});

describe(`coupons on ${testBackend()}`, () => {
  let world: PromotionsWorld;
  beforeEach(async () => {
    world = await PromotionsWorld.start('2025-03-05T12:00:00Z');
    expect((await world.definePromotion.define(spring)).ok).to.equal(true);
  });
  afterEach(() => world.stop());

  it('refuses an unknown code, an expired code and a second redemption by the same account', async () => {
    await world.createCoupon.create(coupon());
    expect(await world.redeemCoupon.redeem({ code: 'NOPE', accountId: 'tenant-a' })).to.include({ ok: false, error: 'unknown_code' });
    expect(await world.redeemCoupon.redeem({ code: 'SPRING25', accountId: 'tenant-a' })).to.include({ ok: true });
    expect(await world.redeemCoupon.redeem({ code: 'SPRING25', accountId: 'tenant-a' })).to.include({ ok: false, error: 'already_redeemed' });
    world.clock.set('2025-04-01T00:00:00Z'); // the first instant the code is refused
    expect(await world.redeemCoupon.redeem({ code: 'SPRING25', accountId: 'tenant-b' })).to.include({ ok: false, error: 'expired' });
  });

  it('stops at the overall limit, and lets an account redeem for as many subscriptions as its own limit', async () => {
    await world.createCoupon.create(coupon({ maxRedemptions: 3, maxPerAccount: 2 }));
    const redeem = (accountId: string, subscriptionId?: string) => world.redeemCoupon.redeem({ code: 'SPRING25', accountId, subscriptionId });
    expect(await redeem('tenant-a', 's1')).to.include({ ok: true });
    expect(await redeem('tenant-a', 's2')).to.include({ ok: true });
    expect(await redeem('tenant-a', 's3')).to.include({ ok: false, error: 'account_limit_reached' });
    expect(await redeem('tenant-b')).to.include({ ok: true });
    expect(await redeem('tenant-c')).to.include({ ok: false, error: 'exhausted' });
  });

  it('lets exactly the limit through when many instances redeem at once', async () => {
    await world.createCoupon.create(coupon({ maxRedemptions: 3 }));
    const other = await world.secondInstance();
    try {
      // 10 accounts race for 3 redemptions, and one account double-clicks 4 times, over two instances
      const racers = Array.from({ length: 10 }, (_, i) => (i % 2 ? other : world).redeemCoupon.redeem({ code: 'SPRING25', accountId: `tenant-${i}` }));
      const outcomes = await Promise.all(racers);
      expect(outcomes.filter((o) => o.ok)).to.have.length(3);
      expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error)).to.deep.equal(Array(7).fill('exhausted'));
    } finally {
      await other.stop();
    }
  });

  it('records one redemption when the same account redeems the same code concurrently', async () => {
    await world.createCoupon.create(coupon({ maxRedemptions: 10 }));
    const other = await world.secondInstance();
    try {
      const outcomes = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? other : world).redeemCoupon.redeem({ code: 'SPRING25', accountId: 'tenant-a', subscriptionId: 's1' })));
      expect(outcomes.filter((o) => o.ok)).to.have.length(1);
      expect(outcomes.filter((o) => !o.ok).map((o) => !o.ok && o.error)).to.deep.equal(Array(3).fill('already_redeemed'));
    } finally {
      await other.stop();
    }
  });

  it('applies the coupon’s promotion to the subscription it was redeemed for, for three cycles from the redemption', async () => {
    await world.createCoupon.create(coupon());
    await world.redeemCoupon.redeem({ code: 'SPRING25', accountId: 'tenant-a', subscriptionId: 's1' });
    const march = ['2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'] as const;
    const subs = { s1: '2025-01-10T00:00:00Z', s2: '2025-01-10T00:00:00Z' };
    const draft = await world.adjustDraft.adjust([fee('f1', 's1', '40.00', ...march), fee('f2', 's2', '40.00', ...march)], draftContext(...march, subs, { invoiceSequence: 3 }));
    // s1 only: 40.00 × 25% = 10.00; March is cycle 1 of 3 (redeemed on March 5)
    expect(draft.lines.map((l) => [l.chargeLineId, l.amount.toFixed(), l.description])).to.deep.equal([
      ['f1', '-10', 'Spring 25 (coupon SPRING25) — 25% off fixed fees, cycle 1 of 3'],
    ]);
    const june = ['2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z'] as const;
    const later = await world.adjustDraft.adjust([fee('f1', 's1', '40.00', ...june)], draftContext(...june, subs, { invoiceSequence: 6 }));
    // cycles March, April, May: June pays the full 40.00
    expect(amounts(later.lines)).to.deep.equal([]);
  });
});
