import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-0000000000ad';

describe(`an add-on held for part of a month on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account('tenant-a@example.com');
    await world.rateCard('vm-basic-2024', planCard('plan-vm', { fee: '20.00' }));
    await world.rateCard('backup-2024', {
      offer: { kind: 'add-on', id: 'addon-backup' }, currency: 'USD', effectiveFrom: '2024-01-01T00:00:00Z', charges: {},
      fixedFees: [{ id: 'backup', description: 'Backup add-on', interval: 'monthly', amount: '10.00' }],
    });
    await world.subscribe('tenant-a@example.com', SUB, 'plan-vm');
    // What the catalogue mirror writes when WAP's subscriptionAddons feed says the add-on was added on 17 March.
    await world.container.get(Database).sequelize.query(
      `INSERT INTO subscription_add_ons (subscription_id, instance_id, add_on_id, added_at, removed_at, last_event_id, last_event_at)
       VALUES (:sub, 'backup-1', 'addon-backup', :at, NULL, 1, :at)`,
      { replacements: { sub: SUB, at: new Date('2025-03-17T00:00:00Z') } },
    );
  });
  after(() => world.close());

  it('bills the add-on fee for the days it was held, beside the plan fee', async () => {
    world.clock.set('2025-04-04T00:05:00Z');
    await world.runDueInvoices();
    const [invoice] = await world.invoicesOf('tenant-a@example.com');
    // plan 20.00 for the whole month; add-on 10.00 × 15 days / 31 days = 4.8387… → 4.84; 20.00 + 4.84 = 24.84
    expect(linesOf(invoice)).to.deep.equal([['fee base', '20.00'], ['fee backup', '4.84']]);
    expect(money(invoice)).to.equal('24.84');
  });
});
