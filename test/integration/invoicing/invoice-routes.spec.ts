import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { RecordSubscriptionCreated } from '../../../core/subscriptions/record-subscription-created';
import { ManualClock } from '../../../core/time/clock';
import { UsageStore } from '../../../core/usage/store/usage-store';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { testBackend } from '../../support/test-database';
import { RP_PASSWORD, startTestServer, wapHeaders } from '../../support/test-server';

const SUB_A = '1bc0a5e0-0000-4000-8000-00000000000a';
const SUB_B = '1bc0a5e0-0000-4000-8000-00000000000b';
const SUB_OTHER = '1bc0a5e0-0000-4000-8000-0000000000cc';

const card = {
  offer: { kind: 'plan', id: 'plan-vm' },
  currency: 'USD',
  effectiveFrom: '2025-01-01T00:00:00Z',
  charges: { 'vm.runtime-hours': { model: { kind: 'graduated', tiers: [{ from: '0', to: '100', unitPrice: '0.05' }, { from: '100', to: null, unitPrice: '0.04' }] } } },
  fixedFees: [{ id: 'base', description: 'Base fee', interval: 'monthly', amount: '20.00' }],
};

describe(`invoice and rate card routes on ${testBackend()}`, () => {
  let server: RunningServer & { databaseUrl: string };
  const clock = new ManualClock('2025-03-01T00:00:00Z');

  async function call(method: string, route: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${server.url}${route}`, { method, headers: wapHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }

  before(async () => {
    server = await startTestServer({}, { clock });
    const created = server.container.get(RecordSubscriptionCreated);
    await created.record({ subscriptionId: SUB_A, accountAdmin: 'alice@example.com', planId: 'plan-vm', state: 'active' }, 'wap-notification');
    await created.record({ subscriptionId: SUB_B, accountAdmin: 'alice@example.com', planId: 'plan-vm', state: 'active' }, 'wap-notification');
    await created.record({ subscriptionId: SUB_OTHER, accountAdmin: 'bob@example.com', planId: 'plan-vm', state: 'active' }, 'wap-notification');
    await server.container.get<UsageStore>(UsageStore).ingest('usage', {
      nextStartId: '2',
      records: [{
        EventId: 1, ResourceId: 'vm-1', StartTime: '2025-03-05T00:00:00', EndTime: '2025-03-05T01:00:00', ProviderName: 'systemcenter',
        SubscriptionId: SUB_A, Resources: { VmRuntimeHours: '130' },
      }],
    });
    clock.set('2025-04-02T00:00:00Z');
  });
  after(() => server.close());

  it('publishes a rate card, answers a retried PUT the same, and refuses other content under the same id', async () => {
    const put = await call('PUT', '/admin/rate-cards/vm-2025', card);
    expect(put.status).to.equal(200);
    expect(put.body.fixedFees[0].amount).to.equal('20');
    expect((await call('PUT', '/admin/rate-cards/vm-2025', card)).status).to.equal(200);
    const changed = await call('PUT', '/admin/rate-cards/vm-2025', { ...card, fixedFees: [] });
    expect(changed.status).to.equal(409);
    expect(changed.body.Code).to.equal('RateCardPublished');
    const list = await call('GET', '/admin/rate-cards');
    expect(list.body.items.map((c: { id: string }) => c.id)).to.deep.equal(['vm-2025']);
  });

  it('refuses an invalid rate card with a WAP error naming each field', async () => {
    const bad = {
      ...card,
      currency: 'XXX',
      charges: { 'vm.runtime-hours': { model: { kind: 'graduated', tiers: [{ from: '0', to: '100', unitPrice: 0.05 }, { from: '90', to: null, unitPrice: '0.04' }] } } },
    };
    const res = await call('PUT', '/admin/rate-cards/bad', bad);
    expect(res.status).to.equal(400);
    expect(res.body.Code).to.equal('BadRequest');
    expect(res.body.InnerErrors.map((e: { Parameters: string[] }) => e.Parameters[0])).to.deep.equal([
      'currency',
      'charges["vm.runtime-hours"].model.tiers[0].unitPrice',
      'charges["vm.runtime-hours"].model.tiers[1].from',
    ]);
  });

  it('sets a billing profile, refusing a bad tax rate', async () => {
    expect((await call('PUT', '/admin/accounts/alice@example.com/billing-profile', { taxRate: '0.20' })).body.taxRate).to.equal('0.2');
    const bad = await call('PUT', '/admin/accounts/alice@example.com/billing-profile', { taxRate: 0.2 });
    expect(bad.status).to.equal(400);
    expect(bad.body.Message).to.match(/^taxRate:/);
  });

  it('runs, lists, shows, finalizes and voids invoices', async () => {
    const run = await call('POST', '/admin/invoices/run', { period: '2025-03', accountId: 'alice@example.com' });
    expect(run.status).to.equal(200);
    expect(run.body.outcomes.map((o: { outcome: string }) => o.outcome)).to.deep.equal(['drafted']);
    const drafts = await call('GET', '/admin/invoices?accountId=alice@example.com&status=draft');
    expect(drafts.body.items).to.have.length(1);
    const id = drafts.body.items[0].id;
    const shown = await call('GET', `/admin/invoices/${id}`);
    // A: 20.00 + (100 × 0.05 + 30 × 0.04 = 6.20); B: 20.00; subtotal 46.20; tax 20 % = 9.24; total 55.44
    expect(shown.body.lines.map((l: { kind: string; amount: string }) => [l.kind, l.amount])).to.deep.equal([
      ['fixed-fee', '20.00'], ['usage', '6.20'], ['fixed-fee', '20.00'], ['tax', '9.24'],
    ]);
    expect([shown.body.subtotal, shown.body.tax, shown.body.total]).to.deep.equal(['46.20', '9.24', '55.44']);
    const finalized = await call('POST', `/admin/invoices/${id}/finalize`);
    expect(finalized.body).to.include({ status: 'finalized', number: 'INV-000001' });
    expect((await call('POST', `/admin/invoices/${id}/finalize`)).body.number).to.equal('INV-000001');
    expect((await call('POST', '/admin/invoices/nope/finalize')).status).to.equal(404);
    expect((await call('GET', '/admin/invoices?status=open')).status).to.equal(400);
    expect((await call('POST', '/admin/invoices/run', { period: 'March' })).status).to.equal(400);
  });

  it("shows a tenant only issued invoices of the subscription's own account, with that subscription's lines", async () => {
    const res = await call('GET', `/subscriptions/${SUB_A}/invoices`);
    expect(res.body.items.map((i: { number: string }) => i.number)).to.deep.equal(['INV-000001']);
    expect(res.body.items[0].lines.map((l: { subscriptionId: string }) => l.subscriptionId)).to.deep.equal([SUB_A, SUB_A]);
    expect((await call('GET', `/subscriptions/${SUB_OTHER}/invoices`)).body.items).to.deep.equal([]);
    expect((await call('GET', '/subscriptions/1bc0a5e0-0000-4000-8000-0000000000ff/invoices')).status).to.equal(404);
  });

  it('voids a finalized invoice, keeping its number', async () => {
    const [invoice] = (await call('GET', '/admin/invoices?accountId=alice@example.com&status=finalized')).body.items;
    const voided = await call('POST', `/admin/invoices/${invoice.id}/void`);
    expect(voided.body).to.include({ status: 'void', number: 'INV-000001' });
  });

  it('estimates the current cycle so far and a straight-line forecast', async () => {
    clock.set('2025-03-11T00:00:00Z'); // 10 of March's 31 days measured
    const res = await call('GET', `/subscriptions/${SUB_A}/estimate`);
    // 130 h so far: 6.2; forecast 130 × 31 ÷ 10 = 403 h: 100 × 0.05 + 303 × 0.04 = 17.12
    expect(res.body.meters).to.deep.equal([{ meterId: 'vm.runtime-hours', quantitySoFar: '130', costSoFar: '6.2', forecastQuantity: '403', forecastCost: '17.12' }]);
    clock.set('2025-04-02T00:00:00Z');
  });

  it("runs from the CLI: 'wap-billing invoice run --period 2025-03 --finalize' with a summary", async () => {
    const main = path.join(__dirname, '..', '..', '..', 'resource-provider', 'cli', 'main.js');
    const { stdout } = await promisify(execFile)(process.execPath, [main, 'invoice', 'run', '--period', '2025-03', '--finalize'], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl, RP_PASSWORD, LOG_LEVEL: 'silent' },
    });
    // alice: March rebuilt after the void, finalized as the next number; bob: 20.00 untaxed
    expect(stdout).to.match(/alice@example\.com {2}2025-03-01 – 2025-04-01 {2}finalized {2}INV-00000[23] {2}55\.44 USD/);
    expect(stdout).to.match(/bob@example\.com {2}2025-03-01 – 2025-04-01 {2}finalized {2}INV-00000[23] {2}20\.00 USD/);
    expect(stdout).to.contain('2 account(s): 2 finalized');
    expect(stdout).to.contain('total 75.44 USD');
  });

  it('runs the due invoices on POST /admin/invoices/run-due, leaving finalized periods alone', async () => {
    clock.set('2025-05-04T00:00:00Z'); // April is past its grace; March is finalized already
    const res = await call('POST', '/admin/invoices/run-due');
    expect(res.status).to.equal(200);
    expect(res.body.outcomes.map((o: { accountId: string; period: { from: string }; outcome: string }) => [o.accountId, o.period.from, o.outcome])).to.deep.equal([
      ['alice@example.com', '2025-04-01T00:00:00.000Z', 'finalized'],
      ['bob@example.com', '2025-04-01T00:00:00.000Z', 'finalized'],
    ]);
  });
});
