import { expect } from 'chai';
import { roundedAmountText } from '../../../core/money/round-to-currency';
import { ratePackage } from '../../../core/rating/package-model';
import { d, lineText } from './price-fixtures';

describe('package (block) pricing', () => {
  const backupBlocks = { kind: 'package' as const, blockSize: d('10'), blockPrice: d('2.50') };

  it('charges a partial block as a whole block', () => {
    const rating = ratePackage(backupBlocks, d('25'));
    // ⌈25 ÷ 10⌉ = 3 blocks; 3 × 2.50 = 7.50
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('7.50');
    expect(rating.lines).to.have.length(1);
    expect(rating.lines[0]).to.include({ kind: 'blocks' });
    expect(rating.lines[0].kind === 'blocks' && rating.lines[0].blocks.toFixed()).to.equal('3');
  });

  it('charges exactly full blocks without an extra one', () => {
    // 30 ÷ 10 = 3 blocks exactly; 3 × 2.50 = 7.50
    expect(roundedAmountText(ratePackage(backupBlocks, d('30')).amount, 'EUR')).to.equal('7.50');
  });

  it('starts counting blocks after the free units', () => {
    const rating = ratePackage({ ...backupBlocks, freeUnits: d('5') }, d('25'));
    // 25 − 5 free = 20; ⌈20 ÷ 10⌉ = 2 blocks; 2 × 2.50 = 5.00
    expect(roundedAmountText(rating.amount, 'EUR')).to.equal('5.00');
    expect(rating.lines.map(lineText)).to.deep.equal([
      { from: '0', to: '5', units: '5', price: '0', amount: '0' },
      { from: '5', to: null, units: '20', price: '2.5', amount: '5' },
    ]);
  });

  it('charges nothing when usage stays within the free units', () => {
    // 4 ≤ 5 free units: 0 blocks
    expect(roundedAmountText(ratePackage({ ...backupBlocks, freeUnits: d('5') }, d('4')).amount, 'EUR')).to.equal('0.00');
  });

  it('charges a sliver over a block boundary as one more block', () => {
    // ⌈10.001 ÷ 10⌉ = 2 blocks; 2 × 2.50 = 5.00
    expect(roundedAmountText(ratePackage(backupBlocks, d('10.001')).amount, 'EUR')).to.equal('5.00');
  });
});
