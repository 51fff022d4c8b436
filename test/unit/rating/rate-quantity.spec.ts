import { expect } from 'chai';
import { roundedAmountText } from '../../../core/money/round-to-currency';
import { rateMeter } from '../../../core/rating/rate-meter';
import { rateQuantity } from '../../../core/rating/rate-quantity';
import { card, d, lineText, vmHourTiers } from './price-fixtures';

describe('rating a billed quantity with an included quantity', () => {
  it('bills 0.00 when the included quantity exceeds the usage', () => {
    const rating = rateQuantity({ model: { kind: 'per-unit', unitPrice: d('0.12') }, includedQuantity: d('50') }, d('30'));
    // 30 used ≤ 50 included: 0 charged units × 0.12 = 0.00
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('0.00');
    expect(rating.includedUnits.toFixed()).to.equal('30');
    expect(rating.chargedUnits.toFixed()).to.equal('0');
    expect(rating.lines).to.deep.equal([]);
  });

  it('takes the included quantity off before the graduated tiers', () => {
    const rating = rateQuantity({ model: { kind: 'graduated', tiers: vmHourTiers }, includedQuantity: d('10') }, d('111'));
    // 111 − 10 included = 101 charged; 100 × 0.05 + 1 × 0.04 = 5.04
    expect(rating.chargedUnits.toFixed()).to.equal('101');
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('5.04');
    expect(rating.lines.map(lineText)[1]).to.deep.equal({ from: '100', to: null, units: '1', price: '0.04', amount: '0.04' });
  });

  it('prices every unit at one price with the per-unit model', () => {
    // 7.5 GB × 0.12 = 0.90
    const rating = rateQuantity({ model: { kind: 'per-unit', unitPrice: d('0.12') } }, d('7.5'));
    expect(rating.amount.toFixed()).to.equal('0.9');
    expect(rating.lines.map(lineText)).to.deep.equal([{ from: '0', to: null, units: '7.5', price: '0.12', amount: '0.9' }]);
  });

  it('refuses a negative quantity as a bug upstream', () => {
    expect(() => rateQuantity({ model: { kind: 'per-unit', unitPrice: d('1') } }, d('-1'))).to.throw(RangeError);
  });

  it('rates a meter on a card in the card\'s currency', () => {
    const result = rateMeter(card(), 'vm.hours', d('130'));
    // 100 × 0.05 = 5.00; 30 × 0.04 = 1.20; 5.00 + 1.20 = 6.20
    expect(result.ok && roundedAmountText(result.value.amount, result.value.currency)).to.equal('6.20');
    expect(result.ok && result.value).to.include({ rateCardId: 'gold-2025', meterId: 'vm.hours', currency: 'EUR' });
  });

  it('reports a meter the card does not price', () => {
    expect(rateMeter(card(), 'sql.databases', d('1'))).to.include({ ok: false, error: 'meter_not_priced' });
    expect(rateMeter(card(), 'constructor', d('1'))).to.include({ ok: false, error: 'meter_not_priced' });
  });
});
