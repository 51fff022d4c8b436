import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { FreeUnitsAllowance, freeUnitsFor } from '../../../core/credits/free-units';
import { freeUnits } from './credit-fixtures';

const march = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const q = (subscriptionId: string, meterId: string, quantity: string) => ({ subscriptionId, meterId, quantity: new Decimal(quantity) });

describe('free units: taken off the metered quantity before rating', () => {
  it('subtracts only what was used when the free units exceed the usage', () => {
    const result = freeUnitsFor([q('s1', 'vm.runtime-hours', '37.5')], [freeUnits('hours', 'vm.runtime-hours', '100')], march, 'inv-1');
    // 100 free, 37.5 used: subtract 37.5, rate 0; the 62.5 left do not carry over to April
    expect(result.deductions.map((d) => d.quantity.toFixed())).to.deep.equal(['37.5']);
    expect(result.deductions[0].description).to.equal('Free VM hours: 37.5 of 100 vm.runtime-hours free this period');
    expect(result.ledger.map((e) => [e.kind, e.amount.toFixed(), e.meterId, e.currency])).to.deep.equal([['free-units-use', '-37.5', 'vm.runtime-hours', null]]);
  });

  it('gives every subscription its own allowance from an account-wide grant, and records one ledger row', () => {
    const result = freeUnitsFor([q('s1', 'vm.runtime-hours', '130'), q('s2', 'vm.runtime-hours', '20'), q('s2', 'storage.gb', '500')],
      [freeUnits('hours', 'vm.runtime-hours', '100')], march, 'inv-1');
    // s1: 130 − 100 = 30 to rate; s2: 20 − 20 = 0; storage has no free units
    expect(result.deductions.map((d) => [d.subscriptionId, d.meterId, d.quantity.toFixed()])).to.deep.equal([
      ['s1', 'vm.runtime-hours', '100'], ['s2', 'vm.runtime-hours', '20'],
    ]);
    // 100 + 20 = 120 used on this invoice
    expect(result.ledger.map((e) => e.amount.toFixed())).to.deep.equal(['-120']);
  });

  it('uses a subscription grant before the account one, and ignores an expired grant', () => {
    const result = freeUnitsFor([q('s1', 'vm.runtime-hours', '70')], [
      freeUnits('account', 'vm.runtime-hours', '100'),
      freeUnits('mine', 'vm.runtime-hours', '50', { subscriptionId: 's1' }),
      freeUnits('old', 'vm.runtime-hours', '1000', { expiresAt: new Date('2025-02-01T00:00:00Z') }),
    ], march, 'inv-1');
    // 50 from s1's own grant, then 20 of the account's 100
    expect(result.deductions.map((d) => [d.grantId, d.quantity.toFixed()])).to.deep.equal([['mine', '50'], ['account', '20']]);
  });

  it("shares one subscription's allowance between the parts of a period it was rated in (a plan change)", () => {
    const allowance = new FreeUnitsAllowance([freeUnits('hours', 'vm.runtime-hours', '100')], march);
    // Bronze part: 70 h, all free; Silver part: 50 h, of which the 30 left are free; another subscription has its own 100
    expect(allowance.take('s1', 'vm.runtime-hours', new Decimal('70')).map((d) => d.quantity.toFixed())).to.deep.equal(['70']);
    expect(allowance.take('s1', 'vm.runtime-hours', new Decimal('50')).map((d) => d.quantity.toFixed())).to.deep.equal(['30']);
    expect(allowance.take('s1', 'vm.runtime-hours', new Decimal('5'))).to.deep.equal([]);
    expect(allowance.take('s2', 'vm.runtime-hours', new Decimal('5')).map((d) => d.quantity.toFixed())).to.deep.equal(['5']);
  });
});
