import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000010';
const TENANT = 'versions@example.com';

describe(`a new rate card version on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account(TENANT);
    await world.rateCard('fee-v1', planCard('plan-fee', { fee: '20.00', effectiveFrom: '2025-01-01T00:00:00Z' }));
    await world.subscribe(TENANT, SUB, 'plan-fee');
    world.clock.set('2025-04-04T00:00:00Z');
    await world.runDueInvoices();
  });
  after(() => world.close());

  it('applies from the first period that starts after it, and never changes an issued invoice', async () => {
    // published on 15 April, effective 15 April: April began under v1, so v2 first prices May
    world.clock.set('2025-04-15T00:00:00Z');
    await world.rateCard('fee-v2', planCard('plan-fee', { fee: '25.00', effectiveFrom: '2025-04-15T00:00:00Z' }));
    world.clock.set('2025-06-04T00:00:00Z');
    await world.runDueInvoices();
    const [march, april, may] = await world.invoicesOf(TENANT);
    expect(linesOf(march)).to.deep.equal([['fee base', '20.00']]);
    expect(march.lines[0].detail.rateCardId).to.equal('fee-v1');
    expect(linesOf(april)).to.deep.equal([['fee base', '20.00']]);
    expect(linesOf(may)).to.deep.equal([['fee base', '25.00']]);
    expect(may.lines[0].detail.rateCardId).to.equal('fee-v2');
  });

  it('issues no invoice for a subscription whose plan has no rate card', async () => {
    await world.account('unpriced@example.com');
    await world.subscribe('unpriced@example.com', '5c0b5a1e-0000-4000-8000-000000000011', 'plan-without-card');
    world.clock.set('2025-07-04T00:00:00Z');
    const report = await world.runDueInvoices();
    expect(await world.invoicesOf('unpriced@example.com')).to.deep.equal([]);
    expect(report.status === 'ran' && report.outcomes.filter((o) => o.accountId === 'unpriced@example.com').map((o) => o.outcome)).to.deep.equal(['nothing_to_bill']);
  });
});
