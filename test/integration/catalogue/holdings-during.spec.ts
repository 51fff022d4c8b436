import { expect } from 'chai';
import { CollectFeeds } from '../../../resource-provider/collector/collect-feeds';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';

interface HoldingsBody {
  plan: { planId: string; displayName: string; from: string; to: string }[];
  addOns: { addOnId: string; displayName: string; from: string; to: string }[];
  states: { state: string; from: string; to: string }[];
}

describe(`who held what in a month, from the billing feeds, on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let server: RunningServer;
  let wapNow: Date;

  beforeEach(async () => {
    wapNow = new Date('2025-03-01T00:00:00Z');
    // The emulator dates its events by this clock, so the test sets when each change happened.
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, now: () => wapNow, generator: { seed: 3, tenants: 1, resourcesPerTenant: 1, days: 1, start: '2025-03-01' } });
    const { usageServiceUrl } = await emulator.start();
    server = await startTestServer({
      wapUsage: { url: usageServiceUrl, username: 'UsageClient', password: 'wap-emulator-usage-password' },
      collector: { intervalSeconds: 0, batchSize: 10, retryDelayMs: 1 },
    });
  });
  afterEach(async () => {
    await server.close();
    await emulator.stop();
  });

  const adminApi = (method: string, path: string, body: unknown) =>
    fetch(`${emulator.urls().adminApiUrl}${path}`, { method, headers: { ...emulator.adminHeaders(), 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('gives the plan for the whole month, an add-on from the day it was added, and the state split at the suspension', async () => {
    // Tenant 0 is on Standard, signed up on Feb 28 (the generator dates the catalogue a day before its start).
    const id = emulator.generatedSubscriptionIds[0];
    const addOn = [...emulator.store.addOns.values()][0];
    wapNow = new Date('2025-03-10T12:00:00Z');
    expect((await adminApi('POST', `/subscriptions/${id}/addons`, { AddOnId: addOn.Id, AddOnInstanceId: 'A1B2C3D4-0000-0000-0000-000000000001' })).status).to.equal(200);
    wapNow = new Date('2025-03-20T00:00:00Z');
    expect((await adminApi('PATCH', `/subscriptions/${id}`, { SubscriptionId: id, Status: 'Suspended' })).status).to.equal(200);
    await server.container.get(CollectFeeds).collect();

    const res = await fetch(`${server.url}/admin/subscriptions/${id.toUpperCase()}/holdings?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z`, { headers: wapHeaders() });
    expect(res.status).to.equal(200);
    const holdings = (await res.json()) as HoldingsBody;
    expect(holdings.plan.map((p) => [p.displayName, p.from, p.to])).to.deep.equal([['Standard', '2025-03-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z']]);
    expect(holdings.addOns.map((a) => [a.displayName, a.from, a.to])).to.deep.equal([['Extra Storage', '2025-03-10T12:00:00.000Z', '2025-04-01T00:00:00.000Z']]);
    expect(holdings.states.map((s) => [s.state, s.from, s.to])).to.deep.equal([
      ['active', '2025-03-01T00:00:00.000Z', '2025-03-20T00:00:00.000Z'],
      ['suspended', '2025-03-20T00:00:00.000Z', '2025-04-01T00:00:00.000Z'],
    ]);
  });

  it('ends an add-on at its removal and the plan at the deletion', async () => {
    const id = emulator.generatedSubscriptionIds[0];
    const addOn = [...emulator.store.addOns.values()][0];
    wapNow = new Date('2025-03-05T00:00:00Z');
    await adminApi('POST', `/subscriptions/${id}/addons`, { AddOnId: addOn.Id, AddOnInstanceId: 'a1b2c3d4-0000-0000-0000-000000000002' });
    wapNow = new Date('2025-03-08T00:00:00Z');
    await fetch(`${emulator.urls().adminApiUrl}/subscriptions/${id}/addons/a1b2c3d4-0000-0000-0000-000000000002`, { method: 'DELETE', headers: emulator.adminHeaders() });
    wapNow = new Date('2025-03-25T00:00:00Z');
    await fetch(`${emulator.urls().adminApiUrl}/subscriptions/${id}`, { method: 'DELETE', headers: emulator.adminHeaders() });
    await server.container.get(CollectFeeds).collect();

    const res = await fetch(`${server.url}/admin/subscriptions/${id}/holdings?from=2025-03-01&to=2025-04-01`, { headers: wapHeaders() });
    const holdings = (await res.json()) as HoldingsBody;
    expect(holdings.addOns.map((a) => [a.from, a.to])).to.deep.equal([['2025-03-05T00:00:00.000Z', '2025-03-08T00:00:00.000Z']]);
    expect(holdings.plan.map((p) => [p.from, p.to])).to.deep.equal([['2025-03-01T00:00:00.000Z', '2025-03-25T00:00:00.000Z']]);
    expect(holdings.states.map((s) => s.state)).to.deep.equal(['active', 'deleted']);
  });
});
