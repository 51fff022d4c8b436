import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { validateRateCard } from '../../../core/rating/validate-rate-card';
import type { PriceModel } from '../../../core/rating/price-model';
import { card, d, tiers } from './price-fixtures';

const problemsOf = (model: PriceModel) =>
  validateRateCard(card({ charges: { 'vm.hours': { model } } })).map((p) => `${p.field} ${p.code}`);

describe('rate card validation', () => {
  it('accepts a well-formed card', () => {
    expect(validateRateCard(card())).to.deep.equal([]);
  });

  it('names an unknown currency', () => {
    expect(validateRateCard(card({ currency: 'EURO' })).map((p) => `${p.field} ${p.code}`)).to.deep.equal(['currency unknown_currency']);
  });

  it('names a gap between tiers', () => {
    const gap = tiers(['0', '100', '0.05'], ['150', null, '0.04']);
    expect(problemsOf({ kind: 'graduated', tiers: gap })).to.deep.equal(['charges["vm.hours"].model.tiers[1].from tiers_not_contiguous']);
  });

  it('names an overlap between tiers', () => {
    const overlap = tiers(['0', '100', '0.05'], ['90', null, '0.04']);
    expect(problemsOf({ kind: 'volume', tiers: overlap })).to.deep.equal(['charges["vm.hours"].model.tiers[1].from tiers_not_contiguous']);
  });

  it('names a tier that does not ascend', () => {
    const backwards = tiers(['0', '100', '0.05'], ['100', '50', '0.04'], ['50', null, '0.03']);
    expect(problemsOf({ kind: 'graduated', tiers: backwards })).to.deep.equal(['charges["vm.hours"].model.tiers[1].to tier_not_ascending']);
  });

  it('requires the first tier at 0 and only the last tier open-ended', () => {
    expect(problemsOf({ kind: 'graduated', tiers: tiers(['10', null, '0.05']) })).to.deep.equal(['charges["vm.hours"].model.tiers[0].from first_tier_not_at_zero']);
    expect(problemsOf({ kind: 'graduated', tiers: tiers(['0', '100', '0.05']) })).to.deep.equal(['charges["vm.hours"].model.tiers[0].to last_tier_not_open']);
    expect(problemsOf({ kind: 'graduated', tiers: tiers(['0', null, '0.05'], ['100', null, '0.04']) })).to.deep.equal(['charges["vm.hours"].model.tiers[0].to open_tier_not_last']);
    expect(problemsOf({ kind: 'volume', tiers: [] })).to.deep.equal(['charges["vm.hours"].model.tiers no_tiers']);
  });

  it('names negative prices, fees and included quantities', () => {
    expect(problemsOf({ kind: 'per-unit', unitPrice: d('-0.01') })).to.deep.equal(['charges["vm.hours"].model.unitPrice negative']);
    expect(problemsOf({ kind: 'graduated', tiers: tiers(['0', null, '0.05', '-1']) })).to.deep.equal(['charges["vm.hours"].model.tiers[0].flatFee negative']);
    const withIncluded = card({ charges: { 'vm.hours': { model: { kind: 'per-unit', unitPrice: d('1') }, includedQuantity: d('-5') } } });
    expect(validateRateCard(withIncluded).map((p) => p.field)).to.deep.equal(['charges["vm.hours"].includedQuantity']);
    const badFee = card({ fixedFees: [{ id: 'base', description: 'Base', interval: 'monthly', amount: d('-30') }] });
    expect(validateRateCard(badFee).map((p) => `${p.field} ${p.code}`)).to.deep.equal(['fixedFees[0].amount negative']);
  });

  it('requires a package block size above 0', () => {
    expect(problemsOf({ kind: 'package', blockSize: d('0'), blockPrice: d('1') })).to.deep.equal(['charges["vm.hours"].model.blockSize not_positive']);
  });

  it('rejects a price that is not a finite decimal', () => {
    expect(problemsOf({ kind: 'per-unit', unitPrice: new Decimal(NaN) })).to.deep.equal(['charges["vm.hours"].model.unitPrice not_a_number']);
  });

  it('names duplicate fee ids and unknown fee intervals', () => {
    const fees = card({ fixedFees: [
      { id: 'base', description: 'Base', interval: 'monthly', amount: d('30') },
      { id: 'base', description: 'Again', interval: 'weekly' as never, amount: d('1') },
    ] });
    expect(validateRateCard(fees).map((p) => `${p.field} ${p.code}`)).to.deep.equal(['fixedFees[1].id duplicate_fee_id', 'fixedFees[1].interval unknown_interval']);
  });

  it('requires an id, an offer and a valid effective date', () => {
    const blank = card({ id: '', offer: { kind: 'plan', id: '' }, effectiveFrom: new Date('not a date') });
    expect(validateRateCard(blank).map((p) => p.field)).to.deep.equal(['id', 'offer.id', 'effectiveFrom']);
  });
});
