import { expect } from 'chai';
import { CreditStore } from '../../../core/credits/credit-store';
import { GrantCredit } from '../../../core/credits/grant-credit';
import { EstimateCurrentCycle } from '../../../core/invoicing/estimate-current-cycle';
import { Decimal } from '../../../core/money/decimal';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard, vmTiers } from './billing-world';

const TENANT = 'tenant-free@example.com';
const HEAVY = '5c0b5a1e-0000-4000-8000-0000000000f1';
const LIGHT = '5c0b5a1e-0000-4000-8000-0000000000f2';

/**
 * "Hourly credits": the account is granted 100 free VM hours a month for each of its
 * subscriptions. Plan: 20.00 a month, VM hours 0–100 at 0.05, then 0.04.
 */
describe(`free VM hours each month on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account(TENANT);
    await world.rateCard('vm', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
    const granted = await world.container.get(GrantCredit).grant({
      id: 'free-hours', accountId: TENANT, subscriptionId: null, description: 'Free VM hours', grantedAt: new Date('2025-03-01T00:00:00Z'),
      expiresAt: null, kind: 'free-units', meterId: 'vm.runtime-hours', quantityPerPeriod: new Decimal('100'),
    });
    expect(granted.ok, JSON.stringify(granted)).to.equal(true);
    await world.subscribe(TENANT, HEAVY, 'plan-vm');
    await world.subscribe(TENANT, LIGHT, 'plan-vm');
    await world.vmHours(HEAVY, '130', '2025-03-10T12:00:00Z');
    await world.vmHours(LIGHT, '40', '2025-03-12T12:00:00Z');
  });
  after(() => world.close());

  it("leaves the free hours out of the cycle's estimate", async () => {
    world.clock.set('2025-03-11T00:00:00Z'); // 10 of March's 31 days measured
    const estimate = await world.container.get(EstimateCurrentCycle).estimate(HEAVY);
    if (!estimate.ok) throw new Error(estimate.error);
    // so far 130 h − 100 free = 30 × 0.05 = 1.5; forecast 130 × 31 ÷ 10 = 403 h − 100 free = 303: 100 × 0.05 + 203 × 0.04 = 13.12
    expect(estimate.value.meters).to.deep.equal([{ meterId: 'vm.runtime-hours', quantitySoFar: '130', costSoFar: '1.5', forecastQuantity: '403', forecastCost: '13.12' }]);
  });

  it('takes the free hours off before rating, so the tiers count from the first paid hour', async () => {
    world.clock.set('2025-04-04T00:05:00Z');
    await world.runDueInvoices();
    const [march] = await world.invoicesOf(TENANT);
    // heavy: 130 h − 100 free = 30 h, priced from the first tier: 30 × 0.05 = 1.50 (not 30 × 0.04)
    // light: 40 h, all free: a zero line that shows it
    expect(linesOf(march)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '1.50'], ['fee base', '20.00'], ['usage vm.runtime-hours', '0.00']]);
    expect(march.lines.map((l) => l.description).filter((d) => d.startsWith('vm'))).to.deep.equal(['vm.runtime-hours: 130 hour, 100 free', 'vm.runtime-hours: 40 hour, 40 free']);
    // 20.00 + 1.50 + 20.00 + 0.00 = 41.50
    expect(money(march)).to.equal('41.50');
  });

  it('records the hours used in the ledger once, when the invoice is finalized', async () => {
    const [march] = await world.invoicesOf(TENANT);
    expect(march.status).to.equal('finalized');
    const uses = (await world.container.get<CreditStore>(CreditStore).ledgerOf(TENANT)).filter((e) => e.kind === 'free-units-use');
    // 100 (heavy) + 40 (light) = 140 hours of the grant used on March's invoice
    expect(uses.map((e) => [e.grantId, e.invoiceId, e.amount.toFixed(), e.meterId])).to.deep.equal([['free-hours', march.id, '-140', 'vm.runtime-hours']]);
  });

  it('bills late usage beyond the allowance on the next invoice, and gives April its own 100 hours', async () => {
    world.clock.set('2025-04-10T00:00:00Z');
    await world.vmHours(LIGHT, '70', '2025-03-20T00:00:00Z'); // March: light now 110 h
    await world.vmHours(LIGHT, '80', '2025-04-05T00:00:00Z'); // April: 80 h, within April's allowance
    world.clock.set('2025-05-04T00:05:00Z');
    await world.runDueInvoices();
    const [, april] = await world.invoicesOf(TENANT);
    // March light: 110 − 100 free = 10 h × 0.05 = 0.50, billed 0.00: adjustment 0.50; April light: 80 h all free
    expect(linesOf(april)).to.deep.equal([
      ['fee base', '20.00'], ['fee base', '20.00'], ['usage vm.runtime-hours', '0.00'], ['adjustment vm.runtime-hours', '0.50'],
    ]);
    expect(money(april)).to.equal('40.50');
  });
});
