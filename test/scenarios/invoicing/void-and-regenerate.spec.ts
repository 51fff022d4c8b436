import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard, vmTiers } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000009';
const TENANT = 'tenant-void@example.com';

describe(`voiding an invoice and regenerating its period on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account(TENANT);
    await world.rateCard('vm', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
    await world.subscribe(TENANT, SUB, 'plan-vm');
    await world.vmHours(SUB, '130', '2025-03-10T12:00:00Z');
    world.clock.set('2025-04-04T00:00:00Z');
    await world.runDueInvoices();
  });
  after(() => world.close());

  it('keeps the void invoice with its number, and bills the period again under the next number', async () => {
    const [first] = await world.invoicesOf(TENANT);
    expect(first.number).to.equal('INV-000001');
    const voided = await world.void(first.id);
    expect(voided).to.include({ status: 'void', number: 'INV-000001' });
    expect(money(voided)).to.equal('26.20');

    await world.vmHours(SUB, '20', '2025-03-20T00:00:00Z'); // the reason for the void: hours that were missing
    await world.runDueInvoices();
    const invoices = await world.invoicesOf(TENANT);
    const regenerated = invoices.find((i) => i.status === 'finalized')!;
    expect(regenerated.id).to.not.equal(first.id);
    expect(regenerated.number).to.equal('INV-000002');
    // 150 h: 100 × 0.05 + 50 × 0.04 = 7.00; 20.00 + 7.00 = 27.00
    expect(linesOf(regenerated)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '7.00']]);
    expect(invoices.map((i) => [i.number, i.status]).sort()).to.deep.equal([['INV-000001', 'void'], ['INV-000002', 'finalized']]);
  });

  it('refuses to finalize a void invoice or to void a draft', async () => {
    const voided = (await world.invoicesOf(TENANT)).find((i) => i.status === 'void')!;
    await world.void(voided.id); // voiding again answers it unchanged
    try {
      await world.finalize(voided.id);
      expect.fail('finalized a void invoice');
    } catch (error) {
      expect((error as Error).message).to.equal('invoice_void');
    }
    world.clock.set('2025-05-01T01:00:00Z');
    const draft = await world.draft(TENANT, '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z');
    try {
      await world.void(draft.id);
      expect.fail('voided a draft');
    } catch (error) {
      expect((error as Error).message).to.equal('invoice_not_finalized');
    }
  });
});
