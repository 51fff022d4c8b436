import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000002';
const TENANT = 'tenant-b@example.com';

describe(`a subscription that starts mid-cycle on ${testBackend()}`, () => {
  for (const [unit, expected, arithmetic] of [
    // 11 Apr 23:00 → 1 May 00:00 is 19 days + 1 h = 457 h of April's 720 h: 20.00 × 457 ÷ 720 = 12.69444… → 12.69
    ['second', '12.69', '457 of 720 hours'],
    // by the day, 11 April counts whole: 11…30 April is 20 of 30 days: 20.00 × 20 ÷ 30 = 13.333… → 13.33
    ['day', '13.33', '20 of 30 days'],
  ] as const) {
    it(`prorates the fee by the ${unit} (${arithmetic})`, async () => {
      const world = await BillingWorld.start({ at: '2025-04-11T23:00:00Z', invoicing: { prorationUnit: unit } });
      try {
        await world.account(TENANT);
        await world.rateCard('fee-only', planCard('plan-fee', { fee: '20.00' }));
        await world.subscribe(TENANT, SUB, 'plan-fee');
        world.clock.set('2025-05-04T00:00:00Z'); // April closed 72 h ago
        await world.runDueInvoices();
        const [invoice] = await world.invoicesOf(TENANT);
        expect(linesOf(invoice)).to.deep.equal([['fee base', expected]]);
        expect(money(invoice)).to.equal(expected);
      } finally {
        await world.close();
      }
    });
  }
});

describe(`a suspended week on ${testBackend()}`, () => {
  for (const [rule, expected, arithmetic] of [
    // the suspended week is billed: the whole of March, 31.00
    ['bill', '31.00', 'the whole month'],
    // 10–17 March off: 24 of March's 31 days (by the second: 24 × 86 400 of 31 × 86 400): 31.00 × 24 ÷ 31 = 24.00
    ['do-not-bill', '24.00', '24 of 31 days'],
  ] as const) {
    it(`with suspended time rule '${rule}' bills ${arithmetic}`, async () => {
      const world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z', invoicing: { suspendedTime: rule } });
      try {
        await world.account(TENANT);
        await world.rateCard('fee-only', planCard('plan-fee', { fee: '31.00' }));
        await world.subscribe(TENANT, SUB, 'plan-fee');
        world.clock.set('2025-03-10T00:00:00Z');
        await world.suspend(SUB);
        world.clock.set('2025-03-17T00:00:00Z');
        await world.resume(SUB);
        world.clock.set('2025-04-04T00:00:00Z');
        await world.runDueInvoices();
        const [invoice] = await world.invoicesOf(TENANT);
        expect(linesOf(invoice)).to.deep.equal([['fee base', expected]]);
        expect(invoice.lines[0].detail.proration).to.include({ suspendedTime: rule });
      } finally {
        await world.close();
      }
    });
  }

  it('stops the fee when the subscription is deleted', async () => {
    const world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    try {
      await world.account(TENANT);
      await world.rateCard('fee-only', planCard('plan-fee', { fee: '31.00' }));
      await world.subscribe(TENANT, SUB, 'plan-fee');
      world.clock.set('2025-03-11T00:00:00Z');
      await world.remove(SUB);
      world.clock.set('2025-04-04T00:00:00Z');
      await world.runDueInvoices();
      const invoices = await world.invoicesOf(TENANT);
      // 1–10 March held: 10 of 31 days: 31.00 × 10 ÷ 31 = 10.00; no invoice for April, when nothing was held
      expect(invoices.map((i) => money(i))).to.deep.equal(['10.00']);
      world.clock.set('2025-05-04T00:00:00Z');
      await world.runDueInvoices();
      expect((await world.invoicesOf(TENANT)).length).to.equal(1);
    } finally {
      await world.close();
    }
  });
});
