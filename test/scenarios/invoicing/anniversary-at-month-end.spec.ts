import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const period = (invoice: { period: { from: Date; to: Date } }) => [invoice.period.from.toISOString().slice(0, 10), invoice.period.to.toISOString().slice(0, 10)];

describe(`an anniversary cycle on the 31st on ${testBackend()}`, () => {
  const SUB = '5c0b5a1e-0000-4000-8000-0000000000b1';
  const TENANT = 'month-end@example.com';
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-01-31T00:00:00Z', invoicing: { prorationUnit: 'day' } });
    await world.account(TENANT, { cycleKind: 'anniversary', billCycleDay: 31 });
    await world.rateCard('fee', planCard('plan-fee', { fee: '31.00' }));
    await world.subscribe(TENANT, SUB, 'plan-fee');
    world.clock.set('2025-04-15T00:00:00Z');
    await world.remove(SUB);
  });
  after(() => world.close());

  it('falls back to the last day of shorter months and comes back to the 31st', async () => {
    world.clock.set('2025-05-04T00:00:00Z'); // 30 April + 72 h
    await world.runDueInvoices();
    const invoices = await world.invoicesOf(TENANT);
    expect(invoices.map(period)).to.deep.equal([['2025-01-31', '2025-02-28'], ['2025-02-28', '2025-03-31'], ['2025-03-31', '2025-04-30']]);
    // 31 Jan → 28 Feb and 28 Feb → 31 Mar are held whole: 31.00 each, whatever their 28 and 31 days
    expect(linesOf(invoices[0])).to.deep.equal([['fee base', '31.00']]);
    expect(linesOf(invoices[1])).to.deep.equal([['fee base', '31.00']]);
    // 31 Mar → 30 Apr is 30 days; deleted on 15 April, held 15 (31 Mar – 14 Apr): 31.00 × 15 ÷ 30 = 15.50
    expect(linesOf(invoices[2])).to.deep.equal([['fee base', '15.50']]);
    expect(money(invoices[2])).to.equal('15.50');
  });
});

describe(`a subscription signed up on 29 February 2024, billed on the 29th, on ${testBackend()}`, () => {
  const SUB = '5c0b5a1e-0000-4000-8000-0000000000b2';
  const TENANT = 'leap-day@example.com';
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2024-02-29T00:00:00Z', invoicing: { prorationUnit: 'day' } });
    await world.account(TENANT, { cycleKind: 'anniversary', billCycleDay: 29 });
    await world.rateCard('fee', planCard('plan-fee', { fee: '30.00' }));
    await world.subscribe(TENANT, SUB, 'plan-fee');
  });
  after(() => world.close());

  it('bills 29 Feb → 29 Mar in a leap year whole, then 28 Feb → 29 Mar the next year', async () => {
    world.clock.set('2024-04-01T00:00:00Z'); // 29 Mar + 72 h
    await world.runDueInvoices();
    world.clock.set('2025-04-01T00:00:00Z'); // the twelve periods since, caught up in one run
    await world.runDueInvoices();
    const invoices = await world.invoicesOf(TENANT);
    expect(period(invoices[0])).to.deep.equal(['2024-02-29', '2024-03-29']);
    expect(period(invoices[11])).to.deep.equal(['2025-01-29', '2025-02-28']);
    expect(period(invoices[12])).to.deep.equal(['2025-02-28', '2025-03-29']);
    // every period held whole: 30.00 each, 13 × 30.00 = 390.00
    expect(invoices.map((i) => money(i))).to.deep.equal(Array(13).fill('30.00'));
  });
});
