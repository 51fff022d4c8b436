import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard, vmTiers } from './billing-world';

const GRADUATED = '5c0b5a1e-0000-4000-8000-000000000031';
const VOLUME_ABOVE = '5c0b5a1e-0000-4000-8000-000000000032';
const VOLUME_AT = '5c0b5a1e-0000-4000-8000-000000000033';
const TENANT = 'tenant-c@example.com';

describe(`graduated vs volume pricing at a tier boundary on one invoice on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    await world.account(TENANT);
    await world.rateCard('graduated', planCard('plan-graduated', { vm: { kind: 'graduated', tiers: vmTiers } }));
    await world.rateCard('volume', planCard('plan-volume', { vm: { kind: 'volume', tiers: vmTiers } }));
    await world.subscribe(TENANT, GRADUATED, 'plan-graduated');
    await world.subscribe(TENANT, VOLUME_ABOVE, 'plan-volume');
    await world.subscribe(TENANT, VOLUME_AT, 'plan-volume');
    await world.vmHours(GRADUATED, '101', '2025-03-05T00:00:00Z');
    await world.vmHours(VOLUME_ABOVE, '101', '2025-03-05T00:00:00Z');
    await world.vmHours(VOLUME_AT, '100', '2025-03-05T00:00:00Z');
    world.clock.set('2025-04-04T00:00:00Z');
    await world.runDueInvoices();
  });
  after(() => world.close());

  it('prices each subscription by its own model', async () => {
    const [invoice] = await world.invoicesOf(TENANT);
    const bySubscription = Object.fromEntries(invoice.lines.map((l) => [l.subscriptionId, money(invoice, l.amount)]));
    // graduated, 101 h: 100 × 0.05 + 1 × 0.04 = 5.04
    expect(bySubscription[GRADUATED]).to.equal('5.04');
    // volume, 101 h: the whole 101 at the second tier: 101 × 0.04 = 4.04 (the bill drops past the boundary)
    expect(bySubscription[VOLUME_ABOVE]).to.equal('4.04');
    // volume, exactly 100 h: unit 100 is still in the first tier: 100 × 0.05 = 5.00
    expect(bySubscription[VOLUME_AT]).to.equal('5.00');
    // 5.04 + 4.04 + 5.00 = 14.08
    expect(money(invoice)).to.equal('14.08');
    expect(linesOf(invoice).length).to.equal(3);
  });
});
