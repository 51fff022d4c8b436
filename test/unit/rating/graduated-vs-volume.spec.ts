import { expect } from 'chai';
import { roundedAmountText } from '../../../core/money/round-to-currency';
import { rateGraduated } from '../../../core/rating/graduated-model';
import { rateVolume } from '../../../core/rating/volume-model';
import { d, lineText, tiers, vmHourTiers } from './price-fixtures';

describe('graduated and volume tiers at a tier boundary', () => {
  it('graduated: bills exactly 100 hours all in the first tier', () => {
    const rating = rateGraduated({ kind: 'graduated', tiers: vmHourTiers }, d('100'));
    // 100 × 0.05 = 5.00; the second tier is not reached
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('5.00');
    expect(rating.lines.map(lineText)).to.deep.equal([{ from: '0', to: '100', units: '100', price: '0.05', amount: '5' }]);
  });

  it('graduated: bills hour 101 at the second tier price', () => {
    const rating = rateGraduated({ kind: 'graduated', tiers: vmHourTiers }, d('101'));
    // 100 × 0.05 = 5.00; 1 × 0.04 = 0.04; 5.00 + 0.04 = 5.04
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('5.04');
    expect(rating.lines.map(lineText)).to.deep.equal([
      { from: '0', to: '100', units: '100', price: '0.05', amount: '5' },
      { from: '100', to: null, units: '1', price: '0.04', amount: '0.04' },
    ]);
  });

  it('volume: bills exactly 100 hours all at the first tier price', () => {
    const rating = rateVolume({ kind: 'volume', tiers: vmHourTiers }, d('100'));
    // 100 × 0.05 = 5.00
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('5.00');
  });

  it('volume: bills all 101 hours at the second tier price once the total passes 100', () => {
    const rating = rateVolume({ kind: 'volume', tiers: vmHourTiers }, d('101'));
    // 101 × 0.04 = 4.04: cheaper than 100 hours, as volume pricing intends
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('4.04');
    expect(rating.lines.map(lineText)).to.deep.equal([{ from: '100', to: null, units: '101', price: '0.04', amount: '4.04' }]);
  });

  it('graduated: prices a fractional quantity across three tiers', () => {
    const model = { kind: 'graduated' as const, tiers: tiers(['0', '10', '1.00'], ['10', '50', '0.80'], ['50', null, '0.50']) };
    // 10 × 1.00 = 10.00; 40 × 0.80 = 32.00; 0.25 × 0.50 = 0.125; total 42.125 → 42.13 half-up
    const rating = rateGraduated(model, d('50.25'));
    expect(rating.amount.toFixed()).to.equal('42.125');
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('42.13');
  });

  it('graduated: adds each reached tier\'s flat fee once', () => {
    const model = { kind: 'graduated' as const, tiers: tiers(['0', '100', '0.05', '2.00'], ['100', null, '0.04', '3.00']) };
    // tier 1: 2.00 + 100 × 0.05 = 7.00; tier 2: 3.00 + 20 × 0.04 = 3.80; 7.00 + 3.80 = 10.80
    expect(roundedAmountText(rateGraduated(model, d('120')).amount, 'EUR')).to.equal('10.80');
    // only tier 1 reached: 2.00 + 50 × 0.05 = 4.50
    expect(roundedAmountText(rateGraduated(model, d('50')).amount, 'EUR')).to.equal('4.50');
  });

  it('volume: adds the reached tier\'s flat fee once', () => {
    const model = { kind: 'volume' as const, tiers: tiers(['0', '100', '0.05', '2.00'], ['100', null, '0.04', '3.00']) };
    // 3.00 + 120 × 0.04 = 3.00 + 4.80 = 7.80
    expect(roundedAmountText(rateVolume(model, d('120')).amount, 'EUR')).to.equal('7.80');
  });

  it('bills nothing for zero usage, flat fees included, and shows no lines', () => {
    const model = { kind: 'volume' as const, tiers: tiers(['0', null, '0.05', '2.00']) };
    expect(rateVolume(model, d('0'))).to.deep.equal({ amount: d('0'), lines: [] });
    expect(rateGraduated({ kind: 'graduated', tiers: model.tiers }, d('0')).lines).to.deep.equal([]);
  });
});
