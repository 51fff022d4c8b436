import { expect } from 'chai';
import { CreditStore } from '../../../core/credits/credit-store';
import { Decimal } from '../../../core/money/decimal';
import { testBackend } from '../../support/test-database';
import { draftContext, fee, sum } from '../../unit/promotions/draft-fixtures';
import { PromotionsWorld } from '../promotions/promotions-world';

const MARCH = ['2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z'] as const;
const APRIL = ['2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z'] as const;
const subs = { s1: '2025-01-01T00:00:00Z', s2: '2025-01-01T00:00:00Z' };
const poolGrant = (id: string, amount: string) => ({
  id, accountId: 'tenant-a', subscriptionId: null, description: 'Goodwill credit', grantedAt: new Date('2025-02-01T00:00:00Z'),
  expiresAt: null, kind: 'monetary' as const, amount: new Decimal(amount), currency: 'EUR',
});

describe(`credit ledger on ${testBackend()}`, () => {
  let world: PromotionsWorld;
  let store: CreditStore;
  beforeEach(async () => {
    world = await PromotionsWorld.start('2025-04-01T00:05:00Z');
    store = world.get<CreditStore>(CreditStore);
    expect((await world.grantCredit.grant(poolGrant('goodwill', '50.00'))).ok).to.equal(true);
  });
  afterEach(() => world.stop());

  const available = async () => (await world.balance.balanceOf('tenant-a', 'EUR', world.clock.now())).available.toFixed();

  it('uses credit once however often the draft is re-built and the invoice finalized', async () => {
    const charges = [fee('f1', 's1', '30.00', ...MARCH)];
    const context = draftContext(...MARCH, subs, { invoiceId: 'inv-march' });
    const first = await world.adjustDraft.adjust(charges, context);
    expect((await world.recordUses.record('inv-march', first.ledger)).ok).to.equal(true);
    // re-built after it was recorded: the same 30.00, not 20.00 from what is left
    const again = await world.adjustDraft.adjust(charges, context);
    expect(again.lines.map((l) => l.amount.toFixed())).to.deep.equal(['-30']);
    expect(await world.recordUses.record('inv-march', again.ledger)).to.deep.equal({ ok: true, value: { recorded: 0 } });
    // 50.00 − 30.00 = 20.00
    expect(await available()).to.equal('20');
    expect((await store.ledgerOf('tenant-a')).map((e) => [e.kind, e.amount.toFixed(), e.invoiceId])).to.deep.equal([
      ['grant', '50', null], ['use', '-30', 'inv-march'],
    ]);
  });

  it('gives the credit back when the invoice is voided, with a reversal row, once', async () => {
    const draft = await world.adjustDraft.adjust([fee('f1', 's1', '30.00', ...MARCH)], draftContext(...MARCH, subs, { invoiceId: 'inv-march' }));
    await world.recordUses.record('inv-march', draft.ledger);
    expect((await world.reverseUses.reverse('inv-march')).map((e) => e.amount.toFixed())).to.deep.equal(['30']);
    expect(await world.reverseUses.reverse('inv-march')).to.deep.equal([]);
    // 50.00 − 30.00 + 30.00 = 50.00, and the ledger still shows the use
    expect(await available()).to.equal('50');
    expect((await store.ledgerOf('tenant-a')).map((e) => e.kind)).to.deep.equal(['grant', 'use', 'reversal']);
    const replacement = await world.adjustDraft.adjust([fee('f1', 's1', '35.00', ...MARCH)], draftContext(...MARCH, subs, { invoiceId: 'inv-march-2' }));
    expect(replacement.lines.map((l) => l.amount.toFixed())).to.deep.equal(['-35']);
  });

  it('refuses to record a use that another invoice already spent, so the draft is re-built', async () => {
    const march = await world.adjustDraft.adjust([fee('f1', 's1', '40.00', ...MARCH)], draftContext(...MARCH, subs, { invoiceId: 'inv-a' }));
    const other = await world.adjustDraft.adjust([fee('f9', 's2', '40.00', ...MARCH)], draftContext(...MARCH, subs, { invoiceId: 'inv-b' }));
    expect((await world.recordUses.record('inv-a', march.ledger)).ok).to.equal(true);
    // both drafts planned 40.00 of the 50.00; only 10.00 is left for the second
    expect(await world.recordUses.record('inv-b', other.ledger)).to.include({ ok: false, error: 'insufficient_credit' });
    const rebuilt = await world.adjustDraft.adjust([fee('f9', 's2', '40.00', ...MARCH)], draftContext(...MARCH, subs, { invoiceId: 'inv-b' }));
    expect(rebuilt.lines.map((l) => l.amount.toFixed())).to.deep.equal(['-10']);
    expect((await world.recordUses.record('inv-b', rebuilt.ledger)).ok).to.equal(true);
    expect(await available()).to.equal('0');
  });

  it('with a discount and a team credit, stops the total at zero and keeps the rest of the pool', async () => {
    await world.definePromotion.define({
      id: 'half', name: 'Half price', planIds: ['gold'], benefit: { kind: 'percentage', percent: new Decimal('50') }, target: { fees: 'both', meterIds: [] },
      validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null }, automatic: true, createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const charges = [fee('f1', 's1', '20.00', ...APRIL), fee('f2', 's2', '25.00', ...APRIL)];
    const draft = await world.adjustDraft.adjust(charges, draftContext(...APRIL, subs, { invoiceId: 'inv-april', invoiceSequence: 2 }));
    // discounts: 20.00 × 50% = 10.00 and 25.00 × 50% = 12.50; owed 45.00 − 22.50 = 22.50
    // the pool shared by s1 and s2 pays the 22.50; 50.00 − 22.50 = 27.50 stays on the balance
    expect(draft.lines.map((l) => [l.kind, l.subscriptionId, l.amount.toFixed()])).to.deep.equal([
      ['discount', 's1', '-10'], ['discount', 's2', '-12.5'], ['credit', null, '-22.5'],
    ]);
    expect(sum([...charges, ...draft.lines])).to.equal('0');
    await world.recordUses.record('inv-april', draft.ledger);
    expect(await available()).to.equal('27.5');
  });

  it('refuses a grant finer than its currency, and a grant id given twice', async () => {
    expect(await world.grantCredit.grant(poolGrant('yen', '10.5'))).to.include({ ok: true });
    expect(await world.grantCredit.grant({ ...poolGrant('yen-2', '10.5'), currency: 'JPY' })).to.include({ ok: false, error: 'invalid_grant' });
    expect(await world.grantCredit.grant(poolGrant('goodwill', '1.00'))).to.include({ ok: false, error: 'grant_exists' });
    // 50.00 + 10.50 = 60.50: the refused grants wrote nothing
    expect(await available()).to.equal('60.5');
  });
});
