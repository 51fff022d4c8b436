import { expect } from 'chai';
import { CreditStore } from '../../../core/credits/credit-store';
import { GetCreditBalance } from '../../../core/credits/get-credit-balance';
import { GrantCredit } from '../../../core/credits/grant-credit';
import { Decimal } from '../../../core/money/decimal';
import { DefinePromotion } from '../../../core/promotions/define-promotion';
import { testBackend } from '../../support/test-database';
import { BillingWorld, linesOf, money, planCard, vmTiers } from './billing-world';

const SUB = '5c0b5a1e-0000-4000-8000-0000000000cc';
const ACCOUNT = 'tenant-c@example.com';

async function world(creditAmount: string): Promise<BillingWorld> {
  const w = await BillingWorld.start({ at: '2025-03-01T00:00:00Z' });
  await w.account(ACCOUNT);
  await w.rateCard('vm-basic-2024', planCard('plan-vm', { fee: '20.00', vm: { kind: 'graduated', tiers: vmTiers } }));
  const promotion = await w.container.get(DefinePromotion).define({
    id: 'loyal-10', name: 'Loyalty 10%', planIds: ['plan-vm'], automatic: true, createdAt: new Date('2025-01-01T00:00:00Z'),
    benefit: { kind: 'percentage', percent: new Decimal('10') }, target: { fees: 'fixed', meterIds: [] },
    validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null },
  });
  expect(promotion.ok, JSON.stringify(promotion)).to.equal(true);
  const grant = await w.container.get(GrantCredit).grant({
    id: 'welcome', accountId: ACCOUNT, subscriptionId: null, description: 'Welcome credit', grantedAt: new Date('2025-03-01T00:00:00Z'),
    expiresAt: null, kind: 'monetary', amount: new Decimal(creditAmount), currency: 'USD',
  });
  expect(grant.ok, JSON.stringify(grant)).to.equal(true);
  await w.subscribe(ACCOUNT, SUB, 'plan-vm');
  await w.vmHours(SUB, '130', '2025-03-10T12:00:00Z');
  return w;
}

const balance = async (w: BillingWorld) => (await w.container.get(GetCreditBalance).balanceOf(ACCOUNT, 'USD', w.clock.now())).available.toFixed(2);

describe(`a promotion and a credit on one invoice on ${testBackend()}`, () => {
  let w: BillingWorld;
  before(async () => {
    w = await world('5.00');
  });
  after(() => w.close());

  it('shows the discount and the credit as lines, and takes the credit from the ledger when finalized', async () => {
    w.clock.set('2025-04-04T00:05:00Z');
    await w.runDueInvoices();
    const [invoice] = await w.invoicesOf(ACCOUNT);
    // fee 20.00; VM 100 h × 0.05 + 30 h × 0.04 = 6.20; 10% of the fee = −2.00; welcome credit −5.00
    // 20.00 + 6.20 − 2.00 − 5.00 = 19.20
    expect(linesOf(invoice)).to.deep.equal([['fee base', '20.00'], ['usage vm.runtime-hours', '6.20'], ['discount', '-2.00'], ['credit', '-5.00']]);
    expect(money(invoice)).to.equal('19.20');
    expect(invoice.lines.find((l) => l.kind === 'discount')?.description).to.match(/Loyalty 10%/);
    expect(await balance(w)).to.equal('0.00');
    // the ledger row names the finalized invoice, never the draft key it was reserved under
    const [use] = (await w.container.get<CreditStore>(CreditStore).ledgerOf(ACCOUNT)).filter((e) => e.kind === 'use');
    expect([use.invoiceId, use.description]).to.deep.equal([invoice.id, 'Welcome credit: 5.00 USD used']);
  });

  it('gives the credit back when the invoice is voided', async () => {
    const [invoice] = await w.invoicesOf(ACCOUNT);
    await w.void(invoice.id);
    expect(await balance(w)).to.equal('5.00');
  });
});

describe(`a credit larger than the invoice on ${testBackend()}`, () => {
  let w: BillingWorld;
  before(async () => {
    w = await world('50.00');
  });
  after(() => w.close());

  it('stops at zero and leaves the rest on the balance', async () => {
    w.clock.set('2025-04-04T00:05:00Z');
    await w.runDueInvoices();
    const [invoice] = await w.invoicesOf(ACCOUNT);
    // 20.00 + 6.20 − 2.00 = 24.20 owed; the credit covers 24.20 of its 50.00; 25.80 stays
    expect(linesOf(invoice).at(-1)).to.deep.equal(['credit', '-24.20']);
    expect(money(invoice)).to.equal('0.00');
    expect(await balance(w)).to.equal('25.80');
  });
});
