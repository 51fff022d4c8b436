import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const WEEKLY_SUB = '5c0b5a1e-0000-4000-8000-0000000000e1';
const QUARTERLY_SUB = '5c0b5a1e-0000-4000-8000-0000000000e2';
const WEEKLY = 'tenant-weekly@example.com';
const QUARTERLY = 'tenant-quarterly@example.com';

describe(`an account billed every week on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-03T00:00:00Z', invoicing: { gracePeriodHours: 24 } });
    await world.account(WEEKLY, { cycle: { kind: 'weekly', weekday: 1 } });
    await world.rateCard('weekly-vm', planCard('plan-vm', { fee: '31.00', vm: { kind: 'per-unit', unitPrice: '0.05' } }));
    await world.subscribe(WEEKLY, WEEKLY_SUB, 'plan-vm'); // Monday 3 March
    await world.vmHours(WEEKLY_SUB, '10', '2025-03-04T10:00:00Z');
    await world.vmHours(WEEKLY_SUB, '4', '2025-04-01T10:00:00Z');
  });
  after(() => world.close());

  it('invoices each Monday-to-Monday week with its share of the monthly fee', async () => {
    world.clock.set('2025-04-08T00:05:00Z'); // five weeks ended, the last one past its 24 h grace
    await world.runDueInvoices();
    const invoices = await world.invoicesOf(WEEKLY);
    expect(invoices.map((i) => i.period.from.toISOString().slice(0, 10))).to.deep.equal(['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24', '2025-03-31']);
    // week of 3 March: 3 March – 3 April is 31 days: 31.00 × 7 ÷ 31 = 7.00; 10 h × 0.05 = 0.50
    expect(linesOf(invoices[0])).to.deep.equal([['fee base', '7.00'], ['usage vm.runtime-hours', '0.50']]);
    expect(money(invoices[0])).to.equal('7.50');
    // week of 10 March: 10 March – 10 April is 31 days: 7.00, no usage
    expect(linesOf(invoices[1])).to.deep.equal([['fee base', '7.00']]);
    // week of 31 March: 31 March – 30 April is 30 days: 31.00 × 7 ÷ 30 = 7.2333… → 7.23; 4 h × 0.05 = 0.20
    expect(linesOf(invoices[4])).to.deep.equal([['fee base', '7.23'], ['usage vm.runtime-hours', '0.20']]);
    expect(money(invoices[4])).to.equal('7.43');
  });
});

describe(`an account billed every quarter on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-04-01T00:00:00Z' });
    await world.account(QUARTERLY, { cycle: { kind: 'quarterly', startMonth: 1 } });
    await world.rateCard('quarterly-plan', {
      ...planCard('plan-q', {}),
      fixedFees: [
        { id: 'base', description: 'Plan base fee', interval: 'monthly', amount: '20.00' },
        { id: 'support', description: 'Annual support', interval: 'annual', amount: '120.00' },
      ],
    });
    await world.subscribe(QUARTERLY, QUARTERLY_SUB, 'plan-q');
  });
  after(() => world.close());

  it('charges three months of a monthly fee and a quarter of an annual one', async () => {
    world.clock.set('2025-07-04T00:05:00Z');
    await world.runDueInvoices();
    const [q2] = await world.invoicesOf(QUARTERLY);
    expect([q2.period.from.toISOString().slice(0, 10), q2.period.to.toISOString().slice(0, 10)]).to.deep.equal(['2025-04-01', '2025-07-01']);
    // 20.00 × 3 = 60.00; 120.00 × 3 ÷ 12 = 30.00
    expect(linesOf(q2)).to.deep.equal([['fee base', '60.00'], ['fee support', '30.00']]);
    expect(money(q2)).to.equal('90.00');
  });
});
