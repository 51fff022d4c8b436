import { expect } from 'chai';
import { CatalogueQuery } from '../../../core/catalogue/catalogue-query';
import { CollectFeeds, type CollectionReport } from '../../../resource-provider/collector/collect-feeds';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { CatalogueWorld, storedInstant } from './catalogue-world';

const TENANTS = 6;

describe(`mirroring the WAP catalogue from the emulator's billing feeds on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let server: RunningServer;
  let world: CatalogueWorld;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, generator: { seed: 5, tenants: TENANTS, resourcesPerTenant: 1, days: 1, start: '2025-03-01' } });
    const { usageServiceUrl } = await emulator.start();
    server = await startTestServer({
      wapUsage: { url: usageServiceUrl, username: 'UsageClient', password: 'wap-emulator-usage-password' },
      // Small pages, so every feed takes several and the watermark moves between them.
      collector: { intervalSeconds: 0, batchSize: 2, retryDelayMs: 1 },
    });
    world = new CatalogueWorld(server);
  });
  afterEach(async () => {
    await server.close();
    await emulator.stop();
  });

  const collect = () => server.container.get(CollectFeeds).collect();
  const feedReport = (report: CollectionReport, feed: string) => (report.status === 'collected' ? report.feeds.find((f) => f.feed === feed) : undefined);
  const admin = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { headers: wapHeaders() });
    expect(res.status, path).to.equal(200);
    return (await res.json()) as T;
  };
  const adminApi = (method: string, path: string, body?: unknown) =>
    fetch(`${emulator.urls().adminApiUrl}${path}`, { method, headers: { ...emulator.adminHeaders(), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('mirrors every plan, add-on and subscription in one collector run', async () => {
    const report = await collect();
    for (const feed of ['plans', 'planServices', 'planAddons', 'addons', 'subscriptions', 'subscriptionAddons']) {
      expect(feedReport(report, feed)?.error, feed).to.equal(undefined);
      expect(feedReport(report, feed)?.new, feed).to.equal(emulator.billing.feed(feed as 'plans').events.length);
    }

    const plans = await admin<{ items: { id: string; displayName: string; services: unknown[]; addOnIds: string[] }[] }>('/admin/plans');
    const wapPlans = [...emulator.store.plans.values()];
    expect(plans.items.map((p) => p.displayName).sort()).to.deep.equal(wapPlans.map((p) => p.DisplayName).sort());
    for (const plan of wapPlans) {
      const mirrored = plans.items.find((p) => p.id === plan.Id)!;
      expect(mirrored.services, plan.DisplayName).to.have.length(plan.ServiceQuotas.length);
      expect(mirrored.addOnIds, plan.DisplayName).to.deep.equal(plan.AddOnIds);
    }
    const addOns = await admin<{ items: { id: string; displayName: string }[] }>('/admin/addons');
    expect(addOns.items.map((a) => a.id)).to.deep.equal([...emulator.store.addOns.values()].map((a) => a.Id));

    const subscriptions = await admin<{ items: { id: string; accountId: string; planId: string; state: string }[]; total: number }>('/admin/subscriptions?limit=100');
    expect(subscriptions.total).to.equal(TENANTS);
    for (const wap of emulator.store.subscriptions.values()) {
      expect(subscriptions.items.find((s) => s.id === wap.SubscriptionID.toLowerCase()), wap.SubscriptionID).to.deep.include({
        accountId: wap.AccountAdminLiveEmailId.toLowerCase(), planId: wap.PlanId, state: 'active',
      });
    }
    const heldAddOns = [...emulator.store.subscriptions.values()].reduce((n, s) => n + s.AddOnReferences.length, 0);
    expect(heldAddOns, 'the generator gives some Premium tenants the add-on').to.be.greaterThan(0);
    const holdings = await Promise.all(emulator.generatedSubscriptionIds.map((id) =>
      admin<{ addOns: unknown[] }>(`/admin/subscriptions/${id}/holdings?from=2025-02-01&to=2025-04-01`)));
    expect(holdings.reduce((n, h) => n + h.addOns.length, 0)).to.equal(heldAddOns);

    const again = await collect();
    expect(feedReport(again, 'subscriptions')).to.include({ pages: 0, new: 0 });
  });

  it('pages the subscription list with offset and limit', async () => {
    await collect();
    const first = await admin<{ items: { id: string }[]; total: number }>('/admin/subscriptions?offset=0&limit=4');
    const rest = await admin<{ items: { id: string }[]; total: number }>('/admin/subscriptions?offset=4&limit=4');
    expect(first.items).to.have.length(4);
    expect(rest.items).to.have.length(TENANTS - 4);
    const ids = [...first.items, ...rest.items].map((s) => s.id);
    expect(ids).to.deep.equal([...emulator.generatedSubscriptionIds].map((id) => id.toLowerCase()).sort());
    const bad = await fetch(`${server.url}/admin/subscriptions?limit=-1`, { headers: wapHeaders() });
    expect(bad.status).to.equal(400);
  });

  it('shows a suspension made through the Admin API after the next collection, at the event time', async () => {
    await collect();
    const id = emulator.generatedSubscriptionIds[0];
    const suspended = await adminApi('PATCH', `/subscriptions/${id}`, { SubscriptionId: id, Status: 'Suspended' });
    expect(suspended.status).to.equal(200);
    const event = emulator.billing.feed('subscriptions').events.at(-1)!;

    const report = await collect();
    expect(feedReport(report, 'subscriptions')).to.include({ new: 1 });
    expect(await world.subscription(id.toLowerCase())).to.include({ state: 'suspended' });
    const last = (await world.history(id.toLowerCase())).at(-1)!;
    expect([last.state, last.changedAt.getTime(), last.source]).to.deep.equal(['suspended', storedInstant(event.NotificationEventTimeCreated), 'wap-billing-feed']);
  });

  it('bills each plan for its time once the Admin API has moved a subscription to another plan', async () => {
    await collect();
    const id = emulator.generatedSubscriptionIds[0];
    const before = [...emulator.store.subscriptions.values()].find((s) => s.SubscriptionID === id)!.PlanId;
    const other = [...emulator.store.plans.values()].find((p) => p.Id !== before)!;
    const moved = await adminApi('PATCH', `/subscriptions/${id}`, { SubscriptionId: id, PlanId: other.Id });
    expect(moved.status).to.equal(200);
    const event = emulator.billing.feed('subscriptions').events.at(-1)!;
    expect(event.Entity).to.include({ PlanId: other.Id });

    expect(feedReport(await collect(), 'subscriptions')).to.include({ new: 1 });
    const at = storedInstant(event.NotificationEventTimeCreated);
    const around = `from=${new Date(at - 3_600_000).toISOString()}&to=${new Date(at + 3_600_000).toISOString()}`;
    const holdings = await admin<{ plan: { planId: string; from: string; to: string }[] }>(`/admin/subscriptions/${id}/holdings?${around}`);
    expect(holdings.plan.map((p) => p.planId)).to.deep.equal([before, other.Id]);
    expect(new Date(holdings.plan[0].to).getTime()).to.equal(at);
    expect(new Date(holdings.plan[1].from).getTime()).to.equal(at);
  });

  it('answers 404 for the holdings of an unknown subscription and 400 without a period', async () => {
    await collect();
    const unknown = await fetch(`${server.url}/admin/subscriptions/00000000-0000-0000-0000-000000000000/holdings?from=2025-03-01&to=2025-04-01`, { headers: wapHeaders() });
    expect(unknown.status).to.equal(404);
    const noPeriod = await fetch(`${server.url}/admin/subscriptions/${emulator.generatedSubscriptionIds[0]}/holdings`, { headers: wapHeaders() });
    expect(noPeriod.status).to.equal(400);
  });

  it('keeps every billing event raw, once, under its own feed name', async () => {
    emulator.overlapPages = 1;
    await collect();
    const query = server.container.get<CatalogueQuery>(CatalogueQuery);
    expect((await query.subscriptions({ offset: 0, limit: 100 })).total).to.equal(TENANTS);
    const snapshot = await world.snapshot();
    const byFeed = (feed: string) => snapshot.usage_records.filter((r) => (r as { feed: string }).feed === feed).length;
    expect(byFeed('subscriptions')).to.equal(emulator.billing.feed('subscriptions').events.length);
    expect(byFeed('planServices')).to.equal(emulator.billing.feed('planServices').events.length);
  });
});
