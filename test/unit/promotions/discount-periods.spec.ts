import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { applyPromotions } from '../../../core/promotions/apply-promotions';
import { amounts, draftContext, fee, percent, promotion, usage } from './draft-fixtures';

const MARCH = ['2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'] as const;

describe('discount periods: days from sign-up, recurring, cycles, sign-up discounts', () => {
  it('takes 20% for the 30 days of a 31-day March that the discount covers', () => {
    const twentyFor30 = promotion({ name: 'Welcome 20', benefit: percent('20'), validity: { kind: 'days', days: 30, unit: 'second' } });
    const context = draftContext(...MARCH, { s1: '2025-03-01T00:00:00Z' });
    const lines = applyPromotions(
      [fee('f1', 's1', '62.00', ...MARCH), usage('u1', 's1', 'vm.hours', '10.00', ...MARCH)],
      [], [{ promotion: twentyFor30, subscriptionId: null, attachedAt: null }], context,
    );
    // fee: 62.00 × 20% × 30 ÷ 31 = 12.4 × 30 ÷ 31 = 12.00 exactly
    // usage: 10.00 × 20% × 30 ÷ 31 = 1.93548… → 1.94 (half-up, once, on its own line)
    expect(amounts(lines)).to.deep.equal(['-12', '-1.94']);
    expect(lines[0].reason).to.equal('20% off fixed fees, day 1–30 of 30');
    expect(lines[1].reason).to.equal('20% off usage of vm.hours, day 1–30 of 30');
  });

  it('discounts only the one meter a recurring promotion names, and only on its plan', () => {
    const halfVm = promotion({
      name: 'VM half price', benefit: percent('50'), target: { fees: 'usage', meterIds: ['vm.hours'] },
      validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null },
    });
    const context = draftContext(...MARCH, { s1: '2024-11-05T00:00:00Z', s2: '2024-12-01T00:00:00Z' });
    const lines = applyPromotions([
      fee('f1', 's1', '20.00', ...MARCH),
      usage('u1', 's1', 'vm.hours', '12.34', ...MARCH),
      usage('u2', 's1', 'storage.gb', '5.00', ...MARCH),
      usage('u3', 's2', 'vm.hours', '8.00', ...MARCH, 'silver'),
    ], [], [{ promotion: halfVm, subscriptionId: null, attachedAt: null }], context);
    // only u1: 12.34 × 50% = 6.17; the fee, the storage meter and the silver plan pay in full
    expect(lines.map((l) => [l.chargeLineId, l.amount.toFixed()])).to.deep.equal([['u1', '-6.17']]);
    expect(lines[0].description).to.equal('VM half price — 50% off usage of vm.hours, recurring from 2025-01-01');
  });

  it('gives a recurring promotion that starts on March 16 the 16 days of March it runs', () => {
    const fromMid = promotion({ benefit: percent('50'), validity: { kind: 'recurring', from: new Date('2025-03-16T00:00:00Z'), until: null } });
    const context = draftContext(...MARCH, { s1: '2024-11-05T00:00:00Z' });
    const lines = applyPromotions([usage('u1', 's1', 'vm.hours', '12.40', ...MARCH)], [], [{ promotion: fromMid, subscriptionId: null, attachedAt: null }], context);
    // 12.40 × 50% × 16 ÷ 31 = 6.20 × 16 ÷ 31 = 3.20 (by the second: 16 × 86 400 of 31 × 86 400)
    expect(amounts(lines)).to.deep.equal(['-3.2']);
  });

  it('gives a sign-up discount on the first invoice only', () => {
    const signUp = promotion({ name: 'Sign-up 10', benefit: percent('10'), validity: { kind: 'first-invoice' } });
    const attach = [{ promotion: signUp, subscriptionId: null, attachedAt: null }];
    const first = draftContext(...MARCH, { s1: '2025-03-01T00:00:00Z' });
    // 45.00 × 10% = 4.50
    const onFirst = applyPromotions([fee('f1', 's1', '45.00', ...MARCH)], [], attach, first);
    expect(amounts(onFirst)).to.deep.equal(['-4.5']);
    expect(onFirst[0].reason).to.equal('10% off fixed fees, sign-up discount: first invoice');
    const second = draftContext('2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z', { s1: '2025-03-01T00:00:00Z' }, { invoiceSequence: 2 });
    expect(applyPromotions([fee('f2', 's1', '45.00', '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z')], [], attach, second)).to.deep.equal([]);
  });

  it('takes 5.00 off the fee for two cycles, never more than the line, and nothing in the third', () => {
    const fiveOff = promotion({ name: 'Five off', benefit: { kind: 'amount', amount: new Decimal('5.00'), currency: 'EUR' }, target: { fees: 'fixed', meterIds: [] }, validity: { kind: 'cycles', cycles: 2 } });
    const attach = [{ promotion: fiveOff, subscriptionId: null, attachedAt: null }];
    const subs = { s1: '2025-03-01T00:00:00Z' };
    // cycle 1 (March): the fee is only 3.00, so 3.00 comes off, not 5.00
    const march = applyPromotions([fee('f1', 's1', '3.00', ...MARCH)], [], attach, draftContext(...MARCH, subs));
    expect(amounts(march)).to.deep.equal(['-3']);
    expect(march[0].reason).to.equal('5.00 EUR off fixed fees, cycle 1 of 2');
    const april = applyPromotions([fee('f2', 's1', '20.00', '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z')], [], attach,
      draftContext('2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z', subs, { invoiceSequence: 2 }));
    expect(amounts(april)).to.deep.equal(['-5']);
    const may = applyPromotions([fee('f3', 's1', '20.00', '2025-05-01T00:00:00Z', '2025-06-01T00:00:00Z')], [], attach,
      draftContext('2025-05-01T00:00:00Z', '2025-06-01T00:00:00Z', subs, { invoiceSequence: 3 }));
    expect(may).to.deep.equal([]);
  });

  it('rounds a 33% discount on 1050 JPY to whole yen, half-up', () => {
    const third = promotion({ benefit: percent('33'), validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null } });
    const context = draftContext(...MARCH, { s1: '2024-12-01T00:00:00Z' }, { currency: 'JPY' });
    const lines = applyPromotions([fee('f1', 's1', '1050', ...MARCH)], [], [{ promotion: third, subscriptionId: null, attachedAt: null }], context);
    // 1050 × 33% = 346.5 → 347 (a tie goes away from zero); the tenant pays 1050 − 347 = 703
    expect(amounts(lines)).to.deep.equal(['-347']);
    expect(new Decimal(1050).plus(lines[0].amount).toFixed()).to.equal('703');
  });

  it('skips a fixed-amount promotion in another currency rather than converting it', () => {
    const usdOff = promotion({ benefit: { kind: 'amount', amount: new Decimal('5.00'), currency: 'USD' }, validity: { kind: 'first-invoice' } });
    const lines = applyPromotions([fee('f1', 's1', '20.00', ...MARCH)], [], [{ promotion: usdOff, subscriptionId: null, attachedAt: null }], draftContext(...MARCH, { s1: '2025-03-01T00:00:00Z' }));
    expect(lines).to.deep.equal([]);
  });
});
