import { expect } from 'chai';
import { CreditAdjuster } from '../../../core/credits/credit-adjuster';
import type { CreditGrant, LedgerEntry } from '../../../core/credits/credit-grant';
import type { CreditStore } from '../../../core/credits/credit-store';
import { Decimal } from '../../../core/money/decimal';
import { AdjustInvoiceDraft } from '../../../core/promotions/adjust-invoice-draft';
import type { Coupon, CouponRedemption } from '../../../core/promotions/coupon';
import { CouponAdjuster } from '../../../core/promotions/coupon-adjuster';
import type { CouponStore } from '../../../core/promotions/coupon-store';
import type { Promotion } from '../../../core/promotions/promotion';
import { PromotionAdjuster } from '../../../core/promotions/promotion-adjuster';
import type { PromotionStore } from '../../../core/promotions/promotion-store';
import { draftContext, fee, percent, promotion, sum, usage } from './draft-fixtures';

/** Only the reads the adjusters make; writes are the integration tests' business. */
function promotionStore(all: Promotion[]): PromotionStore {
  return { save: async () => undefined, find: async (id) => all.find((p) => p.id === id), list: async () => all, automatic: async () => all.filter((p) => p.automatic) };
}
function couponStore(coupons: Coupon[], redemptions: CouponRedemption[]): CouponStore {
  return { create: async () => true, find: async (code) => coupons.find((c) => c.code === code), list: async () => coupons, redeem: async () => 'redeemed', redemptionsOf: async () => redemptions,
    redemptionsOfMany: async (ids) => new Map(ids.map((id) => [id, redemptions.filter((r) => r.accountId === id)])) };
}
function creditStore(grants: CreditGrant[]): CreditStore {
  const ledger: LedgerEntry[] = grants.map((g) => ({
    grantId: g.id, accountId: g.accountId, kind: 'grant', amount: g.kind === 'monetary' ? g.amount : g.quantityPerPeriod, currency: g.kind === 'monetary' ? g.currency : null,
    meterId: null, invoiceId: null, description: '', createdAt: g.grantedAt,
  }));
  return {
    grant: async () => true, grantsOf: async () => grants, ledgerOf: async () => ledger, recordUses: async () => 0, reverseUses: async () => [],
    grantsOfMany: async (ids) => new Map(ids.map((id) => [id, grants.filter((g) => g.accountId === id)])),
    ledgerOfMany: async (ids) => new Map(ids.map((id) => [id, ledger.filter((e) => e.accountId === id)])),
  };
}

describe('adjusting a draft: promotions, then coupons, then credits', () => {
  it('applies a trial, then a coupon on what is left, then a team credit, and explains each line', async () => {
    const trial = promotion({ id: 'trial', name: 'Gold trial', benefit: percent('100'), validity: { kind: 'days', days: 14, unit: 'day' } });
    const tenOff = promotion({ id: 'ten', name: 'Ten off', automatic: false, benefit: percent('10'), validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null } });
    const promotions = promotionStore([trial, tenOff]);
    const coupons = couponStore(
      [{ code: 'TEN', promotionId: 'ten', maxRedemptions: null, maxPerAccount: 1, expiresAt: null, createdAt: new Date('2025-01-01T00:00:00Z') }],
      [{ code: 'TEN', accountId: 'tenant-a', subscriptionId: null, redeemedAt: new Date('2025-03-01T00:00:00Z') }],
    );
    const credits = creditStore([{
      id: 'pool', accountId: 'tenant-a', subscriptionId: null, description: 'Team credit', grantedAt: new Date('2025-02-01T00:00:00Z'),
      expiresAt: null, kind: 'monetary', amount: new Decimal('5.00'), currency: 'EUR',
    }]);
    // Bound in any order, run by stage.
    const adjust = new AdjustInvoiceDraft([new CreditAdjuster(credits), new CouponAdjuster(coupons, promotions), new PromotionAdjuster(promotions)]);
    const signUp = '2025-03-10T09:00:00Z';
    const charges = [fee('f1', 's1', '22.00', signUp, '2025-04-01T00:00:00Z'), usage('u1', 's1', 'vm.hours', '8.00', signUp, '2025-04-01T00:00:00Z')];
    const draft = await adjust.adjust(charges, draftContext('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', { s1: signUp }));
    // trial, 14 of 22 days: fee 22.00 × 14 ÷ 22 = 14.00; usage 8.00 × 14 ÷ 22 = 5.0909… → 5.09
    // coupon 10% of what is left: fee 8.00 → 0.80; usage 2.91 → 0.291 → 0.29
    // owed 7.20 + 2.62 = 9.82; the 5.00 team credit pays 5.00; total 4.82, then tax on 4.82
    expect(draft.lines.map((l) => [l.id, l.amount.toFixed()])).to.deep.equal([
      ['promotion:trial:f1', '-14'], ['promotion:trial:u1', '-5.09'],
      ['coupon:TEN:f1', '-0.8'], ['coupon:TEN:u1', '-0.29'],
      ['credit:pool', '-5'],
    ]);
    expect(draft.lines.map((l) => l.description)).to.deep.equal([
      'Gold trial — trial: day 1–14 of 14',
      'Gold trial — trial: day 1–14 of 14',
      'Ten off (coupon TEN) — 10% off fixed fees, recurring from 2025-01-01',
      'Ten off (coupon TEN) — 10% off usage of vm.hours, recurring from 2025-01-01',
      'Team credit — team credit, 5.00 EUR of 5.00 EUR available',
    ]);
    expect(sum([...charges, ...draft.lines])).to.equal('4.82');
    expect(draft.ledger.map((e) => [e.grantId, e.kind, e.amount.toFixed()])).to.deep.equal([['pool', 'use', '-5']]);
  });
});
