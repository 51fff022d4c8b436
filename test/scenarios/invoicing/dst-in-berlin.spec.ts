import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const WHOLE = '5c0b5a1e-0000-4000-8000-000000000071';
const LATE = '5c0b5a1e-0000-4000-8000-000000000072';
const TENANT = 'berlin@example.com';

describe(`a DST change in the Europe/Berlin billing zone on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-02-28T23:00:00Z', invoicing: { prorationUnit: 'second' } }); // 1 March 00:00 CET
    await world.account(TENANT, { currency: 'EUR', timeZone: 'Europe/Berlin' });
    await world.rateCard('hourly', planCard('plan-h', { currency: 'EUR', fee: '743.00' }));
    await world.subscribe(TENANT, WHOLE, 'plan-h');
    world.clock.set('2025-03-09T23:00:00Z'); // 10 March 00:00 CET
    await world.subscribe(TENANT, LATE, 'plan-h');
    world.clock.set('2025-04-04T00:00:00Z');
    await world.runDueInvoices();
  });
  after(() => world.close());

  it('bills March as the 743 hours between local midnights (30 March lost an hour)', async () => {
    const [march] = await world.invoicesOf(TENANT);
    // 1 March 00:00 CET = 28 Feb 23:00 UTC; 1 April 00:00 CEST = 31 March 22:00 UTC: 31 × 24 − 1 = 743 h
    expect([march.period.from.toISOString(), march.period.to.toISOString()]).to.deep.equal(['2025-02-28T23:00:00.000Z', '2025-03-31T22:00:00.000Z']);
    const fees = march.lines.map((l) => [l.subscriptionId, money(march, l.amount), (l.detail.proration as { billable: number }).billable / 3600]);
    expect(fees).to.deep.equal([
      // the whole month: 743.00 × 743 ÷ 743 = 743.00
      [WHOLE, '743.00', 743],
      // from 10 March 00:00 CET: 22 days × 24 − 1 = 527 h: 743.00 × 527 ÷ 743 = 527.00
      [LATE, '527.00', 527],
    ]);
    // 743.00 + 527.00 = 1270.00
    expect(money(march)).to.equal('1270.00');
    expect(linesOf(march).length).to.equal(2);
  });
});
