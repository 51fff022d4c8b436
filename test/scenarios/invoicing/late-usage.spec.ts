import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard, vmTiers } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000005';
const TENANT = 'tenant-late@example.com';

describe(`usage arriving late on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account(TENANT);
    await world.rateCard('vm', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
    await world.subscribe(TENANT, SUB, 'plan-vm');
    await world.vmHours(SUB, '120', '2025-03-10T12:00:00Z');
  });
  after(() => world.close());

  it('lands in the draft when it arrives before finalization', async () => {
    world.clock.set('2025-04-01T06:00:00Z');
    const draft = await world.draft(TENANT, '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
    // 100 × 0.05 + 20 × 0.04 = 5.80
    expect(linesOf(draft)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '5.80']]);

    world.clock.set('2025-04-02T00:00:00Z'); // WAP reports 10 more March hours during the grace period
    await world.vmHours(SUB, '10', '2025-03-31T23:00:00Z');
    world.clock.set('2025-04-04T00:00:00Z');
    await world.runDueInvoices();
    const [march] = await world.invoicesOf(TENANT);
    expect(march.id).to.equal(draft.id);
    // 130 h: 100 × 0.05 + 30 × 0.04 = 6.20; 20.00 + 6.20 = 26.20
    expect(linesOf(march)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '6.20']]);
    expect(march).to.include({ status: 'finalized', number: 'INV-000001' });
  });

  it('is counted once when the same record arrives twice', async () => {
    world.clock.set('2025-04-10T00:00:00Z');
    const late = world.vmRecord(SUB, '10', '2025-03-20T00:00:00Z');
    await world.ingest(late);
    await world.ingest(late); // the collector pulled the page again: same EventId, stored once
    world.clock.set('2025-05-04T00:00:00Z');
    await world.runDueInvoices();
    const [march, april] = await world.invoicesOf(TENANT);
    // March now holds 140 h: 5.00 + 40 × 0.04 = 6.60, of which 6.20 was billed: 0.40 more, on April's invoice
    expect(linesOf(april)).to.deep.equal([['fee base', '20.00'], ['adjustment vm.runtime-hours', '0.40']]);
    expect(money(april)).to.equal('20.40');
    expect(april.lines[1].servicePeriod.from.toISOString()).to.equal('2025-03-01T00:00:00.000Z');
    expect(april.lines[1].description).to.contain('INV-000001');
    // the finalized March invoice never changes
    expect(linesOf(march)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '6.20']]);
  });

  it('after finalization is adjusted once, never again on later invoices', async () => {
    world.clock.set('2025-06-04T00:00:00Z');
    await world.runDueInvoices();
    const invoices = await world.invoicesOf(TENANT);
    expect(invoices.map((i) => i.number)).to.deep.equal(['INV-000001', 'INV-000002', 'INV-000003']);
    // May: the fee alone; March's 0.40 was billed on April's finalized invoice
    expect(linesOf(invoices[2])).to.deep.equal([['fee base', '20.00']]);
  });
});

describe(`late usage of a subscription deleted since on ${testBackend()}`, () => {
  it('is billed on the next invoice of the account even when nothing is held any more', async () => {
    const world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    try {
      await world.account(TENANT);
      await world.rateCard('vm', planCard('plan-vm', { vm: { kind: 'graduated', tiers: vmTiers } }));
      await world.subscribe(TENANT, SUB, 'plan-vm');
      await world.vmHours(SUB, '100', '2025-03-10T00:00:00Z');
      world.clock.set('2025-03-31T00:00:00Z');
      await world.remove(SUB);
      world.clock.set('2025-04-04T00:00:00Z');
      await world.runDueInvoices();
      world.clock.set('2025-04-20T00:00:00Z');
      await world.vmHours(SUB, '30', '2025-03-30T00:00:00Z'); // WAP reports the last hours of the VM weeks later
      world.clock.set('2025-05-04T00:00:00Z');
      await world.runDueInvoices();
      const [march, april] = await world.invoicesOf(TENANT);
      // March: 100 × 0.05 = 5.00
      expect(linesOf(march)).to.deep.equal([['usage vm.runtime-hours', '5.00']]);
      // 130 h: 5.00 + 30 × 0.04 = 6.20, of which 5.00 was billed: 1.20 on April's invoice, the only line
      expect(linesOf(april)).to.deep.equal([['adjustment vm.runtime-hours', '1.20']]);
      expect(april).to.include({ status: 'finalized', number: 'INV-000002' });
      world.clock.set('2025-06-04T00:00:00Z');
      const report = await world.runDueInvoices();
      expect(report.status === 'ran' && report.outcomes.map((o) => o.outcome)).to.deep.equal(['nothing_to_bill']);
    } finally {
      await world.close();
    }
  });
});
