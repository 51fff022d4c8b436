import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { DefinePromotion } from '../../../core/promotions/define-promotion';
import type { Promotion } from '../../../core/promotions/promotion';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-0000000000d1';
const TENANT = 'tenant-trial@example.com';

/**
 * Kill Bill's TRIAL → DISCOUNT → EVERGREEN as one tenant's invoices. Plan Gold: 31.00 a month
 * (so March days cost 1.00 each), prorated by the day. Sign-up March 10, 09:00 UTC.
 * - Trial: free for 14 days (March 10–23).
 * - Launch discount: 25% off for days 1–44 from sign-up — after the trial, its 30 days are
 *   March 24 – April 22. Defined over the trial's days too: where the two overlap the trial has
 *   already made the time free, and a percentage only counts what its window has left.
 * - Evergreen from April 23: the normal price.
 */
describe(`trial, then a discount, then the normal price on ${testBackend()}`, () => {
  let world: BillingWorld;
  before(async () => {
    world = await BillingWorld.start({ at: '2025-03-10T09:00:00Z', invoicing: { prorationUnit: 'day' } });
    await world.account(TENANT);
    await world.rateCard('gold', planCard('plan-gold', { fee: '31.00' }));
    const fixedFees = { fees: 'fixed' as const, meterIds: [] };
    await define(world, { id: 'gold-trial', name: 'Gold trial', planIds: ['plan-gold'], benefit: { kind: 'percentage', percent: new Decimal('100') }, target: fixedFees, validity: { kind: 'days', days: 14, unit: 'day' }, automatic: true, createdAt: new Date('2025-01-01T00:00:00Z') });
    await define(world, { id: 'gold-launch', name: 'Launch 25%', planIds: ['plan-gold'], benefit: { kind: 'percentage', percent: new Decimal('25') }, target: fixedFees, validity: { kind: 'days', days: 44, unit: 'day' }, automatic: true, createdAt: new Date('2025-01-02T00:00:00Z') });
    await world.subscribe(TENANT, SUB, 'plan-gold');
  });
  after(() => world.close());

  it('March: the trial days are free and the discount takes 25% of the days after it', async () => {
    world.clock.set('2025-04-04T00:05:00Z');
    await world.runDueInvoices();
    const [march] = await world.invoicesOf(TENANT);
    // fee: 31.00 × 22 of 31 days (Mar 10–31) = 22.00
    // trial: 22.00 × 14 ÷ 22 = 14.00 (Mar 10–23)
    // launch: its window covers all 22 billed days, worth 22.00, of which the trial took 14.00: 25% × 8.00 = 2.00
    expect(linesOf(march)).to.deep.equal([['fee base', '22.00'], ['discount', '-14.00'], ['discount', '-2.00']]);
    expect(march.lines.slice(1).map((l) => l.description)).to.deep.equal(['Gold trial — trial: day 1–14 of 14', 'Launch 25% — 25% off fixed fees, day 1–22 of 44']);
    // 22.00 − 14.00 − 2.00 = 6.00
    expect(money(march)).to.equal('6.00');
  });

  it('April: the discount for its last 22 days, then the normal price', async () => {
    world.clock.set('2025-05-04T00:05:00Z');
    await world.runDueInvoices();
    const [, april] = await world.invoicesOf(TENANT);
    // launch: days 23–44 are April 1–22, 22 of April's 30 days: 31.00 × 22 ÷ 30 × 25% = 5.6833… → 5.68
    expect(linesOf(april)).to.deep.equal([['fee base', '31.00'], ['discount', '-5.68']]);
    expect(april.lines[1].description).to.equal('Launch 25% — 25% off fixed fees, day 23–44 of 44');
    // 31.00 − 5.68 = 25.32
    expect(money(april)).to.equal('25.32');
  });

  it('May: evergreen, the full price with no promotion', async () => {
    world.clock.set('2025-06-04T00:05:00Z');
    await world.runDueInvoices();
    const [, , may] = await world.invoicesOf(TENANT);
    expect(linesOf(may)).to.deep.equal([['fee base', '31.00']]);
    expect(money(may)).to.equal('31.00');
  });
});

async function define(world: BillingWorld, promotion: Promotion): Promise<void> {
  const result = await world.container.get(DefinePromotion).define(promotion);
  expect(result.ok, JSON.stringify(result)).to.equal(true);
}
