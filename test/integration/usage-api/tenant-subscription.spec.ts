import { expect } from 'chai';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';

const MINE = '1b2c3d4e-0000-4000-8000-0000000000a1';
const THEIRS = '1b2c3d4e-0000-4000-8000-0000000000b2';

describe(`tenant view of a subscription on ${testBackend()}`, () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer();
    for (const [id, admin] of [[MINE, 'me@example.com'], [THEIRS, 'them@example.com']]) {
      const body = { SubscriptionId: id.toUpperCase(), SubscriptionName: 'Gold', State: 0, LifecycleState: 0, AdminId: admin, QuotaSettings: [] };
      const res = await fetch(`${server.url}/admin/subscriptions`, { method: 'POST', headers: wapHeaders(), body: JSON.stringify(body) });
      expect(res.status).to.equal(201);
    }
    await fetch(`${server.url}/admin/subscriptions/${MINE}`, {
      method: 'PUT', headers: wapHeaders(),
      body: JSON.stringify({ SubscriptionId: MINE, SubscriptionName: 'Gold', State: 1, LifecycleState: 0, AdminId: 'me@example.com' }),
    });
  });
  after(() => server.close());

  it('answers the subscription in the path with its state history', async () => {
    const res = await fetch(`${server.url}/subscriptions/${MINE.toUpperCase()}`, { headers: wapHeaders() });
    expect(res.status).to.equal(200);
    const body = (await res.json()) as { subscriptionId: string; state: string; history: { state: string }[] };
    expect(body).to.include({ subscriptionId: MINE, state: 'suspended' });
    expect(body.history.map((h) => h.state)).to.deep.equal(['active', 'suspended']);
  });

  it('answers 404 for an unknown subscription and 400 for an id that is not a GUID', async () => {
    const unknown = await fetch(`${server.url}/subscriptions/1b2c3d4e-0000-4000-8000-00000000ffff`, { headers: wapHeaders() });
    expect(unknown.status).to.equal(404);
    expect(((await unknown.json()) as { Code: string }).Code).to.equal('SubscriptionNotFound');
    const bad = await fetch(`${server.url}/subscriptions/not-a-guid`, { headers: wapHeaders() });
    expect(bad.status).to.equal(400);
    expect(await bad.json()).to.deep.equal({ Code: 'BadRequest', Message: "subscriptionId in the path must be a GUID; got 'not-a-guid'" });
  });
});
