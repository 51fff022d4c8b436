import { expect } from 'chai';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { caller, subscribe } from './promotions-api-world';

const MINE = '3d4e5f60-0000-4000-8000-0000000000a1';
const THEIRS = '3d4e5f60-0000-4000-8000-0000000000b2';

describe(`credit grants over HTTP on ${testBackend()}`, () => {
  let server: RunningServer;
  let api: ReturnType<typeof caller>;
  before(async () => {
    server = await startTestServer();
    api = caller(server);
    await subscribe(server, MINE, 'me@example.com');
    await subscribe(server, THEIRS, 'them@example.com');
  });
  after(() => server.close());

  it('grants money to the team pool and to one subscription; admin and tenant read the same balance', async () => {
    const pool = await api.post('/admin/accounts/Me@Example.com/credit-grants', { kind: 'monetary', amount: '25.00', currency: 'USD', description: 'Outage credit, March' });
    expect(pool.status).to.equal(201);
    expect(pool.body).to.include({ kind: 'monetary', accountId: 'me@example.com', subscriptionId: null, amount: '25.00', currency: 'USD', expiresAt: null });
    const own = await api.post('/admin/accounts/me@example.com/credit-grants', {
      id: 'welcome-mine', kind: 'monetary', amount: '10.50', currency: 'USD', description: 'Welcome', subscriptionId: MINE.toUpperCase(), expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(own.status).to.equal(201);
    expect(own.body).to.include({ subscriptionId: MINE, expiresAt: '2099-01-01T00:00:00.000Z' });

    const admin = await api.get('/admin/accounts/me@example.com/credits');
    expect(admin.status).to.equal(200);
    // 25.00 + 10.50 = 35.50, nothing used yet
    expect(admin.body.balance).to.include({ currency: 'USD', available: '35.50' });
    expect(admin.body.grants.map((g: any) => g.id)).to.include('welcome-mine');
    expect(admin.body.ledger.map((r: any) => [r.kind, r.amount])).to.have.deep.members([['grant', '25.00'], ['grant', '10.50']]);

    const tenant = await api.get(`/subscriptions/${MINE}/credits`);
    expect(tenant.status).to.equal(200);
    expect(tenant.body).to.deep.equal(admin.body.balance);
    expect(tenant.body.grants.map((g: any) => g.balance)).to.have.members(['25.00', '10.50']);
  });

  it("shows a tenant only its own account's credit", async () => {
    const theirs = await api.get(`/subscriptions/${THEIRS}/credits`);
    expect(theirs.body).to.deep.equal({ currency: 'USD', available: '0.00', grants: [] });
  });

  it('grants free units of an installed meter', async () => {
    const res = await api.post('/admin/accounts/them@example.com/credit-grants', { kind: 'free-units', meterId: 'vm.runtime-hours', quantityPerPeriod: '100', description: 'Hourly credits' });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ kind: 'free-units', meterId: 'vm.runtime-hours', quantityPerPeriod: '100' });
    const unknownMeter = await api.post('/admin/accounts/them@example.com/credit-grants', { kind: 'free-units', meterId: 'vm.nope', quantityPerPeriod: '1', description: 'x' });
    expect([unknownMeter.status, unknownMeter.body.Message]).to.deep.equal([400, "CreditGrant.meterId 'vm.nope' is not a meter of any installed plugin"]);
  });

  it('refuses a retried grant id, and a subscription of another account', async () => {
    const retry = await api.post('/admin/accounts/me@example.com/credit-grants', { id: 'welcome-mine', kind: 'monetary', amount: '10.50', currency: 'USD', description: 'Welcome' });
    expect([retry.status, retry.body.Code]).to.deep.equal([409, 'GrantExists']);
    const foreign = await api.post('/admin/accounts/me@example.com/credit-grants', { kind: 'monetary', amount: '1.00', currency: 'USD', description: 'x', subscriptionId: THEIRS });
    expect([foreign.status, foreign.body.Code]).to.deep.equal([409, 'SubscriptionOwnedByAnotherAccount']);
    expect((await api.get('/admin/accounts/me@example.com/credits')).body.balance.available, 'nothing more was granted').to.equal('35.50');
  });

  it('refuses bad grant bodies with a 400 naming the field', async () => {
    const message = async (body: unknown) => {
      const res = await api.post('/admin/accounts/me@example.com/credit-grants', body);
      expect(res.status).to.equal(400);
      return res.body.Message as string;
    };
    expect(await message({ kind: 'monetary', amount: 25, currency: 'USD', description: 'x' })).to.equal('CreditGrant.amount must be of type string; got number');
    expect(await message({ kind: 'voucher', description: 'x' })).to.equal('CreditGrant.kind must be one of "monetary", "free-units"; got "voucher"');
    expect(await message({ kind: 'monetary', amount: '25.001', currency: 'USD', description: 'x' })).to.equal('amount has more digits than USD allows');
    expect(await message({ kind: 'monetary', amount: '1', currency: 'USD' })).to.equal('CreditGrant.description is required');
  });
});
