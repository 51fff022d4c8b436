import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard, vmTiers } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000001';

describe(`a full month with a fixed fee and graduated VM hours on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account('tenant-a@example.com');
    await world.rateCard('vm-basic-2024', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
    await world.subscribe('tenant-a@example.com', SUB, 'plan-vm');
    await world.vmHours(SUB, '130', '2025-03-10T12:00:00Z');
  });
  after(() => world.close());

  it('waits for the grace period after the month ends', async () => {
    world.clock.set('2025-04-01T00:05:00Z'); // March has closed, but the 72 h grace has not passed
    await world.runDueInvoices();
    expect(await world.invoicesOf('tenant-a@example.com')).to.deep.equal([]);
  });

  it('bills the fee and hours above 100 at the second tier price, and finalizes with a number', async () => {
    world.clock.set('2025-04-04T00:05:00Z'); // 1 April + 72 h
    await world.runDueInvoices();
    const [invoice] = await world.invoicesOf('tenant-a@example.com');
    // fee 20.00 (whole month); VM: 100 h × 0.05 = 5.00, 30 h × 0.04 = 1.20 → 6.20; 20.00 + 6.20 = 26.20
    expect(linesOf(invoice)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '6.20']]);
    expect(money(invoice)).to.equal('26.20');
    expect(invoice).to.include({ status: 'finalized', number: 'INV-000001' });
    expect(invoice.period.from.toISOString()).to.equal('2025-03-01T00:00:00.000Z');
    expect(invoice.period.to.toISOString()).to.equal('2025-04-01T00:00:00.000Z');
    const usage = invoice.lines[1];
    expect(usage.quantity?.toFixed()).to.equal('130');
    expect(usage.detail.tiers).to.deep.equal([
      { kind: 'tier', from: '0', to: '100', units: '100', amount: '5', unitPrice: '0.05', flatFee: '0' },
      { kind: 'tier', from: '100', to: null, units: '30', amount: '1.2', unitPrice: '0.04', flatFee: '0' },
    ]);
  });

  it('runs again without a second invoice or a second number', async () => {
    await world.runDueInvoices();
    const invoices = await world.invoicesOf('tenant-a@example.com');
    expect(invoices.map((i) => i.number)).to.deep.equal(['INV-000001']);
  });
});

describe(`rebuilding a draft on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account('tenant-a@example.com');
    await world.rateCard('vm-basic-2024', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
    await world.subscribe('tenant-a@example.com', SUB, 'plan-vm');
    await world.vmHours(SUB, '130', '2025-03-10T12:00:00Z');
    world.clock.set('2025-04-01T01:00:00Z');
  });
  after(() => world.close());

  it('gives one draft with the same id and the same lines when run twice', async () => {
    const first = await world.draft('tenant-a@example.com', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
    const second = await world.draft('tenant-a@example.com', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
    expect(second.id).to.equal(first.id);
    expect(linesOf(second)).to.deep.equal(linesOf(first));
    expect((await world.invoicesOf('tenant-a@example.com')).length).to.equal(1);
    expect(second).to.include({ status: 'draft', number: null });
  });

  it('gives one draft when two runs build the same period at once', async () => {
    world.clock.set('2025-05-01T01:00:00Z');
    const [a, b] = await Promise.all([
      world.draft('tenant-a@example.com', '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z'),
      world.draft('tenant-a@example.com', '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z'),
    ]);
    expect(a.id).to.equal(b.id);
    expect((await world.invoicesOf('tenant-a@example.com')).length).to.equal(2);
  });
});
