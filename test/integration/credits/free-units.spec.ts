import { expect } from 'chai';
import { CreditStore } from '../../../core/credits/credit-store';
import { Decimal } from '../../../core/money/decimal';
import { testBackend } from '../../support/test-database';
import { PromotionsWorld } from '../promotions/promotions-world';

const march = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

describe(`free units on ${testBackend()}`, () => {
  let world: PromotionsWorld;
  before(async () => {
    world = await PromotionsWorld.start('2025-04-01T00:05:00Z');
  });
  after(() => world.stop());

  it('subtracts the stored allowance before rating and records the units used once', async () => {
    await world.grantCredit.grant({
      id: 'vm-hours', accountId: 'tenant-a', subscriptionId: 's1', description: 'Free VM hours', grantedAt: new Date('2025-01-01T00:00:00Z'),
      expiresAt: null, kind: 'free-units', meterId: 'vm.runtime-hours', quantityPerPeriod: new Decimal('100'),
    });
    const request = { accountId: 'tenant-a', invoiceId: 'inv-march', period: march, quantities: [{ subscriptionId: 's1', meterId: 'vm.runtime-hours', quantity: new Decimal('42.25') }] };
    const free = await world.freeUnits.compute(request);
    // 100 free, 42.25 used: subtract all 42.25, rate 0
    expect(free.deductions.map((d) => d.quantity.toFixed())).to.deep.equal(['42.25']);
    await world.recordUses.record('inv-march', free.ledger);
    await world.recordUses.record('inv-march', (await world.freeUnits.compute(request)).ledger);
    const ledger = await world.get<CreditStore>(CreditStore).ledgerOf('tenant-a');
    expect(ledger.map((e) => [e.kind, e.amount.toFixed(), e.meterId, e.currency])).to.deep.equal([
      ['grant', '100', 'vm.runtime-hours', null], ['free-units-use', '-42.25', 'vm.runtime-hours', null],
    ]);
  });
});
