import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-000000000004';

describe(`fractional prices rounded half-up once per line in the currency's precision on ${testBackend()}`, () => {
  for (const [currency, fee, unitPrice, expected, total] of [
    // JPY has 0 decimals: fee 999.5 → 1000; 3 h × 2.5 = 7.5 → 8; 1000 + 8 = 1008
    ['JPY', '999.5', '2.5', [['fee base', '1000'], ['usage vm.runtime-hours', '8']], '1008'],
    // BHD has 3 decimals: fee 10.0005 → 10.001; 3 h × 0.0125 = 0.0375 → 0.038; 10.001 + 0.038 = 10.039
    ['BHD', '10.0005', '0.0125', [['fee base', '10.001'], ['usage vm.runtime-hours', '0.038']], '10.039'],
  ] as const) {
    it(`bills ${currency} to its minor units`, async () => {
      const world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
      try {
        const tenant = `tenant-${currency.toLowerCase()}@example.com`;
        await world.account(tenant, { currency });
        await world.rateCard(`card-${currency}`, planCard('plan-x', { currency, fee, vm: { kind: 'per-unit', unitPrice } }));
        await world.subscribe(tenant, SUB, 'plan-x');
        await world.vmHours(SUB, '3', '2025-03-02T00:00:00Z');
        world.clock.set('2025-04-04T00:00:00Z');
        await world.runDueInvoices();
        const [invoice] = await world.invoicesOf(tenant);
        expect(invoice.currency).to.equal(currency);
        expect(linesOf(invoice)).to.deep.equal(expected);
        expect(money(invoice)).to.equal(total);
      } finally {
        await world.close();
      }
    });
  }
});

describe(`tax on ${testBackend()}`, () => {
  it('adds a tax line on the sum of the rounded lines, and the lines add up to the total', async () => {
    const world = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
    try {
      await world.account('taxed@example.com', { taxRate: '0.175' });
      await world.rateCard('taxed', planCard('plan-t', { fee: '20.00', vm: { kind: 'per-unit', unitPrice: '0.333' } }));
      await world.subscribe('taxed@example.com', SUB, 'plan-t');
      await world.vmHours(SUB, '3', '2025-03-02T00:00:00Z');
      world.clock.set('2025-04-04T00:00:00Z');
      await world.runDueInvoices();
      const [invoice] = await world.invoicesOf('taxed@example.com');
      // 3 × 0.333 = 0.999 → 1.00; subtotal 20.00 + 1.00 = 21.00; tax 21.00 × 0.175 = 3.675 → 3.68
      // (on the unrounded 20.999 it would be 3.674825 → 3.67: tax follows the lines the tenant sees)
      expect(linesOf(invoice)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '1.00'], ['tax', '3.68']]);
      // 21.00 + 3.68 = 24.68
      expect([money(invoice, invoice.subtotal), money(invoice, invoice.tax), money(invoice)]).to.deep.equal(['21.00', '3.68', '24.68']);
    } finally {
      await world.close();
    }
  });
});
