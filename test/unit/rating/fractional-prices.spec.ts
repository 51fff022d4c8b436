import { expect } from 'chai';
import { roundedAmountText } from '../../../core/money/round-to-currency';
import { rateQuantity } from '../../../core/rating/rate-quantity';
import { d } from './price-fixtures';

describe('unit prices finer than the currency, rounded half-up on the line', () => {
  it('JPY (0 digits): 0.35 yen per request × 7 = 2.45 yen is billed 2 yen', () => {
    const rating = rateQuantity({ model: { kind: 'per-unit', unitPrice: d('0.35') } }, d('7'));
    // 7 × 0.35 = 2.45 → 2 (below the half)
    expect(rating.amount.toFixed()).to.equal('2.45');
    expect(roundedAmountText(rating.amount, 'JPY')).to.equal('2');
  });

  it('JPY (0 digits): 0.5 yen per request × 5 = 2.5 yen is billed 3 yen', () => {
    // 5 × 0.5 = 2.5 → 3 (a tie rounds up)
    expect(roundedAmountText(rateQuantity({ model: { kind: 'per-unit', unitPrice: d('0.5') } }, d('5')).amount, 'JPY')).to.equal('3');
  });

  it('BHD (3 digits): 0.0005 BHD for one unit is billed 0.001 BHD', () => {
    // 1 × 0.0005 = 0.0005 → 0.001 (a tie rounds up)
    expect(roundedAmountText(rateQuantity({ model: { kind: 'per-unit', unitPrice: d('0.0005') } }, d('1')).amount, 'BHD')).to.equal('0.001');
  });

  it('BHD (3 digits): rounds the line once, not each tier', () => {
    const model = { kind: 'graduated' as const, tiers: [
      { from: d('0'), to: d('1'), unitPrice: d('0.0004') },
      { from: d('1'), to: null, unitPrice: d('0.0004') },
    ] };
    // per tier: 0.0004 → 0.000 twice = 0.000; once on the line: 0.0004 + 0.0004 = 0.0008 → 0.001
    expect(roundedAmountText(rateQuantity({ model }, d('2')).amount, 'BHD')).to.equal('0.001');
  });
});
