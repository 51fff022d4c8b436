import { expect } from 'chai';
import { FinalizeInvoice } from '../../../core/invoicing/finalize-invoice';
import type { Invoice } from '../../../core/invoicing/invoice';
import { testBackend } from '../../support/test-database';
import { BillingWorld, planCard } from './billing-world';

const TENANTS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((n) => `${n}@example.com`);
const subscriptionOf = (i: number) => `5c0b5a1e-0000-4000-8000-0000000008${String(i).padStart(2, '0')}`;

describe(`invoice numbers under concurrent finalization on ${testBackend()}`, () => {
  let world: BillingWorld;
  const drafts: string[] = [];
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.rateCard('fee', planCard('plan-fee', { fee: '10.00' }));
    for (const [i, tenant] of TENANTS.entries()) {
      await world.account(tenant);
      await world.subscribe(tenant, subscriptionOf(i), 'plan-fee');
    }
    world.clock.set('2025-04-01T01:00:00Z');
    for (const tenant of TENANTS) drafts.push((await world.draft(tenant, '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z')).id);
  });
  after(() => world.close());

  it('gives concurrent finalizers consecutive numbers with no gap and no duplicate', async () => {
    // two finalizers race on every draft at once: 12 calls, 6 invoices
    const results = await Promise.all([...drafts, ...drafts].map((id) => world.finalize(id)));
    const byInvoice = new Map<string, Set<string | null>>();
    for (const r of results) byInvoice.set(r.id, new Set([...(byInvoice.get(r.id) ?? []), r.number]));
    // each invoice got exactly one number, whichever finalizer won
    expect([...byInvoice.values()].map((s) => s.size)).to.deep.equal([1, 1, 1, 1, 1, 1]);
    const numbers = [...byInvoice.values()].map((s) => [...s][0]).sort();
    expect(numbers).to.deep.equal(['INV-000001', 'INV-000002', 'INV-000003', 'INV-000004', 'INV-000005', 'INV-000006']);
  });

  it('continues the sequence after the race', async () => {
    world.clock.set('2025-05-04T00:00:00Z');
    await world.runDueInvoices();
    const april = await Promise.all(TENANTS.map(async (t) => (await world.invoicesOf(t))[1].number));
    expect(april.sort()).to.deep.equal(['INV-000007', 'INV-000008', 'INV-000009', 'INV-000010', 'INV-000011', 'INV-000012']);
  });

  it('numbers overlapping batches finalized at once in blocks, with no gap and no duplicate', async () => {
    world.clock.set('2025-06-04T00:00:00Z');
    const may: Invoice[] = [];
    for (const tenant of TENANTS) may.push(await world.draft(tenant, '2025-05-01T00:00:00Z', '2025-06-01T00:00:00Z'));
    const finalizer = world.container.get(FinalizeInvoice);
    // two batch runs and a single finalization race, sharing drafts: 9 finalizations, 6 invoices
    const results = (await Promise.all([finalizer.finalizeMany(may.slice(0, 4)), finalizer.finalizeMany(may.slice(2)), finalizer.finalizeMany([may[5]])])).flat();
    const byInvoice = new Map<string, Set<string | null>>();
    for (const r of results) {
      if (!r.ok) throw new Error(r.error);
      byInvoice.set(r.value.id, new Set([...(byInvoice.get(r.value.id) ?? []), r.value.number]));
    }
    expect([...byInvoice.values()].map((s) => s.size)).to.deep.equal([1, 1, 1, 1, 1, 1]);
    expect([...byInvoice.values()].map((s) => [...s][0]).sort()).to.deep.equal(['INV-000013', 'INV-000014', 'INV-000015', 'INV-000016', 'INV-000017', 'INV-000018']);
  });
});
