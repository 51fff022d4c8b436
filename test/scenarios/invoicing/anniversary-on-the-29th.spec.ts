import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000006';
const TENANT = 'leap@example.com';

describe(`an anniversary cycle on the 29th across February 2025 on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-02-14T00:00:00Z', invoicing: { prorationUnit: 'day' } });
    await world.account(TENANT, { cycleKind: 'anniversary', billCycleDay: 29 });
    await world.rateCard('fee', planCard('plan-fee', { fee: '30.00' }));
    await world.subscribe(TENANT, SUB, 'plan-fee');
  });
  after(() => world.close());

  it('ends the January period on 28 February, the month having no 29th', async () => {
    world.clock.set('2025-03-03T00:00:00Z'); // 28 Feb + 72 h
    await world.runDueInvoices();
    const [first] = await world.invoicesOf(TENANT);
    expect([first.period.from.toISOString(), first.period.to.toISOString()]).to.deep.equal(['2025-01-29T00:00:00.000Z', '2025-02-28T00:00:00.000Z']);
    // 29 Jan → 28 Feb is 30 days; held 14–27 Feb, 14 days: 30.00 × 14 ÷ 30 = 14.00
    expect(linesOf(first)).to.deep.equal([['fee base', '14.00']]);
  });

  it('starts the next period on 28 February and ends it on 29 March', async () => {
    world.clock.set('2025-04-01T00:00:00Z'); // 29 Mar + 72 h
    await world.runDueInvoices();
    const [, second] = await world.invoicesOf(TENANT);
    expect([second.period.from.toISOString(), second.period.to.toISOString()]).to.deep.equal(['2025-02-28T00:00:00.000Z', '2025-03-29T00:00:00.000Z']);
    // held all 29 days of 28 Feb → 29 Mar: the whole fee, 30.00
    expect(linesOf(second)).to.deep.equal([['fee base', '30.00']]);
  });
});
