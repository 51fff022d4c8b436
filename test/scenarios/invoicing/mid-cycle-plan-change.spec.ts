import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-0000000000a1';
const TENANT = 'tenant-upgrade@example.com';

/**
 * Bronze (10.00 a month, VM hours at 0.10) from 1 March; WAP moves the subscription to Silver
 * (40.00 a month, VM hours at 0.06) at 11 March 00:00 UTC. March has 31 days: Bronze is held for
 * 10 of them, Silver for 21; proration by the second.
 */
describe(`a mid-cycle plan change on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account(TENANT);
    await world.rateCard('bronze', planCard('plan-bronze', { fee: '10.00', vm: { kind: 'per-unit', unitPrice: '0.10' } }));
    await world.rateCard('silver', planCard('plan-silver', { fee: '40.00', vm: { kind: 'per-unit', unitPrice: '0.06' } }));
    await world.subscribe(TENANT, SUB, 'plan-bronze');
    await world.vmHours(SUB, '20', '2025-03-05T10:00:00Z');
    world.clock.set('2025-03-11T00:00:00Z');
    await world.changePlan(TENANT, SUB, 'plan-silver');
    await world.vmHours(SUB, '50', '2025-03-20T10:00:00Z');
  });
  after(() => world.close());

  it('prorates each plan over the days it was held and rates usage at the plan in force when it ran', async () => {
    world.clock.set('2025-04-04T00:05:00Z');
    await world.runDueInvoices();
    const [march] = await world.invoicesOf(TENANT);
    // Bronze fee 10.00 × 10/31 = 3.2258… → 3.23; Bronze usage 20 h × 0.10 = 2.00
    // Silver fee 40.00 × 21/31 = 27.0967… → 27.10; Silver usage 50 h × 0.06 = 3.00
    expect(linesOf(march)).to.deep.equal([['fee base', '3.23'], ['usage vm.runtime-hours', '2.00'], ['fee base', '27.10'], ['usage vm.runtime-hours', '3.00']]);
    expect(march.lines.map((l) => l.detail.planId)).to.deep.equal(['plan-bronze', 'plan-bronze', 'plan-silver', 'plan-silver']);
    // 3.23 + 2.00 + 27.10 + 3.00 = 35.33
    expect(money(march)).to.equal('35.33');
    expect(march.status).to.equal('finalized');
  });

  it('bills late usage of the Bronze days at the Bronze price on the next invoice, and April on Silver alone', async () => {
    world.clock.set('2025-04-10T00:00:00Z');
    await world.vmHours(SUB, '10', '2025-03-06T10:00:00Z');
    world.clock.set('2025-05-04T00:05:00Z');
    await world.runDueInvoices();
    const [, april] = await world.invoicesOf(TENANT);
    // Bronze usage now 30 h × 0.10 = 3.00, of which 2.00 was billed: 1.00 more; Silver fee for all of April: 40.00
    expect(linesOf(april)).to.deep.equal([['fee base', '40.00'], ['adjustment vm.runtime-hours', '1.00']]);
    expect(money(april)).to.equal('41.00');
  });
});
