import { expect } from 'chai';
import { GrantCredit } from '../../../core/credits/grant-credit';
import type { Invoice, InvoiceLine } from '../../../core/invoicing/invoice';
import { InvoiceRun } from '../../../core/invoicing/invoice-run';
import { RunInvoices } from '../../../core/invoicing/run-invoices';
import { Decimal } from '../../../core/money/decimal';
import { Database } from '../../../core/persistence/database';
import { CreateCoupon } from '../../../core/promotions/create-coupon';
import { DefinePromotion } from '../../../core/promotions/define-promotion';
import { RedeemCoupon } from '../../../core/promotions/redeem-coupon';
import { testBackend } from '../../support/test-database';
import { BillingWorld, planCard, vmTiers } from './billing-world';

const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
const sub = (suffix: string) => `5c0b5a1e-0000-4000-8000-0000000ba7${suffix}`;

/** Six accounts that hold different things, so that one account's inputs landing on another's invoice would show. */
const ACCOUNTS = {
  taxed: 'tenant-taxed@example.com', // 20 % tax, 130 VM hours
  twoSubscriptions: 'tenant-two@example.com', // a second subscription from 16 March with usage
  suspendedWithCredit: 'tenant-eur@example.com', // EUR, suspended a week, a 5.00 credit
  addOnAndCoupon: 'tenant-addon@example.com', // an add-on from 17 March, a 10 % coupon
  unpriced: 'tenant-unpriced@example.com', // a plan without a rate card: nothing to bill
  lateUsage: 'tenant-late@example.com', // February finalized, then more February usage arrived
} as const;

/** Everything the invoice says, as comparable text. */
function lineText(line: InvoiceLine): string {
  return JSON.stringify({
    position: line.position, kind: line.kind, subscriptionId: line.subscriptionId, meterId: line.meterId, feeId: line.feeId, description: line.description,
    quantity: line.quantity?.toString() ?? null, amount: line.amount.toString(), unrounded: line.unroundedAmount.toString(),
    service: [line.servicePeriod.from.toISOString(), line.servicePeriod.to.toISOString()], detail: line.detail,
  });
}

/** All but the id, which is random: February's invoice of the late-usage account took number 1, March's go on from 2 in account order. */
function invoiceText(invoice: Invoice): string[] {
  const { accountId, status, number, currency, subtotal, tax, total } = invoice;
  return [[accountId, status, number, currency, subtotal.toString(), tax.toString(), total.toString()].join(' '), ...invoice.lines.map(lineText)];
}

async function sixAccounts(): Promise<BillingWorld> {
  const world = await BillingWorld.start({ at: '2025-02-01T00:00:00Z', invoicing: { suspendedTime: 'do-not-bill' } });
  await world.rateCard('vm-2024', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
  await world.rateCard('vm-eur-2024', planCard('plan-eu', { currency: 'EUR', fee: '15.00', vm: { kind: 'per-unit', unitPrice: '0.07' } }));
  await world.rateCard('backup-2024', {
    offer: { kind: 'add-on', id: 'addon-backup' }, currency: 'USD', effectiveFrom: '2024-01-01T00:00:00Z', charges: {},
    fixedFees: [{ id: 'backup', description: 'Backup add-on', interval: 'monthly', amount: '10.00' }],
  });
  await world.account(ACCOUNTS.taxed, { taxRate: '0.20' });
  await world.account(ACCOUNTS.twoSubscriptions);
  await world.account(ACCOUNTS.suspendedWithCredit, { currency: 'EUR' });
  await world.account(ACCOUNTS.addOnAndCoupon);
  await world.account(ACCOUNTS.unpriced);
  await world.account(ACCOUNTS.lateUsage);
  await world.subscribe(ACCOUNTS.taxed, sub('a1'), 'plan-vm');
  await world.subscribe(ACCOUNTS.twoSubscriptions, sub('b1'), 'plan-vm');
  await world.subscribe(ACCOUNTS.suspendedWithCredit, sub('c1'), 'plan-eu');
  await world.subscribe(ACCOUNTS.addOnAndCoupon, sub('d1'), 'plan-vm');
  await world.subscribe(ACCOUNTS.unpriced, sub('e1'), 'plan-none');
  await world.subscribe(ACCOUNTS.lateUsage, sub('f1'), 'plan-vm');
  await world.vmHours(sub('f1'), '20', '2025-02-10T10:00:00Z');

  world.clock.set('2025-03-05T00:00:00Z');
  await world.finalize((await world.draft(ACCOUNTS.lateUsage, '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z')).id);
  await world.vmHours(sub('f1'), '10', '2025-02-20T10:00:00Z');
  const promotion = await world.container.get(DefinePromotion).define({
    id: 'ten-off', name: 'Ten off', planIds: ['plan-vm'], automatic: false, createdAt: new Date('2025-01-01T00:00:00Z'),
    benefit: { kind: 'percentage', percent: new Decimal('10') }, target: { fees: 'fixed', meterIds: [] },
    validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null },
  });
  expect(promotion.ok, JSON.stringify(promotion)).to.equal(true);
  await world.container.get(CreateCoupon).create({ code: 'TEN', promotionId: 'ten-off', maxRedemptions: null, maxPerAccount: 1, expiresAt: null, createdAt: new Date('2025-01-01T00:00:00Z') });
  expect((await world.container.get(RedeemCoupon).redeem({ code: 'TEN', accountId: ACCOUNTS.addOnAndCoupon })).ok).to.equal(true);
  const grant = await world.container.get(GrantCredit).grant({
    id: 'eur-welcome', accountId: ACCOUNTS.suspendedWithCredit, subscriptionId: null, description: 'Welcome credit', grantedAt: new Date('2025-03-01T00:00:00Z'),
    expiresAt: null, kind: 'monetary', amount: new Decimal('5.00'), currency: 'EUR',
  });
  expect(grant.ok, JSON.stringify(grant)).to.equal(true);

  world.clock.set('2025-03-10T00:00:00Z');
  await world.suspend(sub('c1'));
  world.clock.set('2025-03-16T00:00:00Z');
  await world.subscribe(ACCOUNTS.twoSubscriptions, sub('b2'), 'plan-vm');
  world.clock.set('2025-03-17T00:00:00Z');
  await world.resume(sub('c1'));
  await world.container.get(Database).sequelize.query(
    `INSERT INTO subscription_add_ons (subscription_id, instance_id, add_on_id, added_at, removed_at, last_event_id, last_event_at)
     VALUES (:sub, 'backup-1', 'addon-backup', :at, NULL, 1, :at)`,
    { replacements: { sub: sub('d1'), at: new Date('2025-03-17T00:00:00Z') } },
  );
  await world.vmHours(sub('a1'), '130', '2025-03-10T12:00:00Z');
  await world.vmHours(sub('b2'), '40', '2025-03-20T12:00:00Z');
  await world.vmHours(sub('c1'), '15', '2025-03-05T00:00:00Z');
  await world.vmHours(sub('d1'), '70', '2025-03-25T00:00:00Z');
  world.clock.set('2025-04-04T00:05:00Z');
  return world;
}

/** The same six accounts, one world after the other: the server backends hold one test database. */
async function inSixAccounts<T>(work: (world: BillingWorld) => Promise<T>): Promise<T> {
  const world = await sixAccounts();
  try {
    return await work(world);
  } finally {
    await world.close();
  }
}

describe(`an invoice run over many accounts at once on ${testBackend()}`, () => {
  it('gives every account the invoice and the number that building and finalizing it alone gives, line by line', async () => {
    const expected = await inSixAccounts(async (world) => {
      const alone = new Map<string, string[]>();
      for (const accountId of Object.values(ACCOUNTS).sort()) {
        const built = await world.container.get(InvoiceRun).build(accountId, MARCH);
        alone.set(accountId, built.ok ? invoiceText(await world.finalize(built.value.id)) : [built.error]);
      }
      return alone;
    });
    // The accounts really differ: a mix-up between them could not go unnoticed.
    expect(new Set([...expected.values()].map((lines) => lines.join('\n'))).size).to.equal(6);
    expect(expected.get(ACCOUNTS.unpriced)).to.deep.equal(['nothing_to_bill']);
    for (const [accountId, kind] of [[ACCOUNTS.lateUsage, 'adjustment'], [ACCOUNTS.suspendedWithCredit, 'credit'], [ACCOUNTS.addOnAndCoupon, 'discount']]) {
      expect(expected.get(accountId)!.some((line) => line.includes(`"kind":"${kind}"`)), `${kind} of ${accountId}`).to.equal(true);
    }

    const outcomes = await inSixAccounts(async (world) => {
      const result = await world.container.get(RunInvoices).run({ period: '2025-03', finalize: true });
      if (!result.ok || result.value.status !== 'ran') throw new Error(JSON.stringify(result));
      return result.value.outcomes;
    });
    expect(outcomes.map((o) => o.accountId)).to.deep.equal(Object.values(ACCOUNTS).sort());
    for (const outcome of outcomes) {
      expect(outcome.invoice ? invoiceText(outcome.invoice) : [outcome.outcome], outcome.accountId).to.deep.equal(expected.get(outcome.accountId));
    }
  });

  it('leaves one draft per account, with the lines of a build alone, when two batches build the same accounts at once', async () => {
    const accounts = Object.values(ACCOUNTS).filter((a) => a !== ACCOUNTS.unpriced).map((accountId) => ({ accountId, period: MARCH }));
    const expected = await inSixAccounts(async (world) => {
      const alone = new Map<string, string[]>();
      for (const { accountId } of accounts) {
        const built = await world.container.get(InvoiceRun).build(accountId, MARCH);
        if (!built.ok) throw new Error(built.error);
        alone.set(accountId, invoiceText(built.value));
      }
      return alone;
    });
    await inSixAccounts(async (world) => {
      const run = world.container.get(InvoiceRun);
      await Promise.all([run.buildMany(accounts), run.buildMany([...accounts].reverse())]);
      for (const { accountId } of accounts) {
        const drafts = (await world.invoicesOf(accountId)).filter((i) => i.status === 'draft');
        expect(drafts, accountId).to.have.length(1);
        expect(invoiceText(drafts[0]), accountId).to.deep.equal(expected.get(accountId));
      }
    });
  });
});
