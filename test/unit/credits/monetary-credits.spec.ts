import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { applyCredits } from '../../../core/credits/apply-credits';
import { applyPromotions } from '../../../core/promotions/apply-promotions';
import { amounts, draftContext, fee, percent, promotion, sum } from '../promotions/draft-fixtures';
import { money } from './credit-fixtures';

const MARCH = ['2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'] as const;
const twoSubs = { s1: '2025-01-01T00:00:00Z', s2: '2025-01-01T00:00:00Z' };

describe('monetary credits: after discounts, never below zero', () => {
  it('stops a credit at zero after a discount and leaves the rest on the balance', () => {
    const context = draftContext(...MARCH, { s1: '2025-01-01T00:00:00Z' });
    const charges = [fee('f1', 's1', '50.00', ...MARCH)];
    const twenty = promotion({ benefit: percent('20'), validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null } });
    const discounts = applyPromotions(charges, [], [{ promotion: twenty, subscriptionId: null, attachedAt: null }], context);
    const credits = applyCredits(charges, discounts, [money('g1', '100.00')], context);
    // 50.00 − 20% (10.00) = 40.00 owed; the 100.00 credit pays 40.00 and 60.00 stays on the balance
    expect(amounts(discounts)).to.deep.equal(['-10']);
    expect(amounts(credits.lines)).to.deep.equal(['-40']);
    expect(credits.lines[0].reason).to.equal('40.00 EUR of 100.00 EUR available; 60.00 EUR stays on the balance');
    expect(sum([...charges, ...discounts, ...credits.lines])).to.equal('0');
    expect(credits.ledger.map((e) => [e.grantId, e.kind, e.amount.toFixed(), e.invoiceId])).to.deep.equal([['g1', 'use', '-40', 'inv-1']]);
  });

  it('shares one team pool between two subscriptions after their own grants', () => {
    const context = draftContext(...MARCH, twoSubs);
    const charges = [fee('f1', 's1', '20.00', ...MARCH), fee('f2', 's2', '25.00', ...MARCH)];
    const result = applyCredits(charges, [], [money('pool', '30.00'), money('s1-own', '5.00', { subscriptionId: 's1' })], context);
    // s1's own 5.00 first (s1 owes 15.00); the pool then pays 30.00 of the 40.00 left (15.00 + 25.00); 10.00 to pay
    expect(result.lines.map((l) => [l.id, l.subscriptionId, l.amount.toFixed()])).to.deep.equal([
      ['credit:s1-own', 's1', '-5'],
      ['credit:pool', null, '-30'],
    ]);
    expect(result.lines[1].description).to.match(/^Credit pool — team credit, 30\.00 EUR of 30\.00 EUR available$/);
    expect(sum([...charges, ...result.lines])).to.equal('10');
  });

  it('does not let a subscription grant pay another subscription', () => {
    const context = draftContext(...MARCH, twoSubs);
    const result = applyCredits([fee('f1', 's1', '8.00', ...MARCH), fee('f2', 's2', '25.00', ...MARCH)], [], [money('s1-own', '50.00', { subscriptionId: 's1' })], context);
    // only s1's 8.00: the other 42.00 stays for s1's later invoices
    expect(amounts(result.lines)).to.deep.equal(['-8']);
  });

  it('uses the grant that expires first, and skips expired, future and foreign-currency grants', () => {
    const context = draftContext(...MARCH, { s1: '2025-01-01T00:00:00Z' });
    const result = applyCredits([fee('f1', 's1', '30.00', ...MARCH)], [], [
      money('never', '50.00'),
      money('june', '20.00', { expiresAt: new Date('2025-06-30T00:00:00Z') }),
      money('april', '15.00', { expiresAt: new Date('2025-04-15T00:00:00Z') }),
      money('expired', '99.00', { expiresAt: new Date('2025-03-01T00:00:00Z') }),
      money('later', '99.00', { grantedAt: new Date('2025-04-01T00:00:00Z') }),
      { ...money('dollars', '99.00'), grant: { ...money('dollars', '99.00').grant, currency: 'USD' } },
    ], context);
    // 30.00 owed: April's 15.00 first, then 15.00 of June's 20.00; the never-expiring grant is untouched
    expect(result.lines.map((l) => [l.id, l.amount.toFixed()])).to.deep.equal([['credit:april', '-15'], ['credit:june', '-15']]);
  });

  it('adds nothing when the discounts already made the invoice free', () => {
    const context = draftContext(...MARCH, { s1: '2025-01-01T00:00:00Z' });
    const free = [{ id: 'd', kind: 'discount' as const, subscriptionId: 's1', chargeLineId: 'f1', amount: new Decimal('-9.99'), description: '', reason: '', source: { type: 'promotion' as const, promotionId: 'p', promotionName: 'p' } }];
    expect(applyCredits([fee('f1', 's1', '9.99', ...MARCH)], free, [money('g1', '10.00')], context)).to.deep.equal({ lines: [], ledger: [] });
  });
});
