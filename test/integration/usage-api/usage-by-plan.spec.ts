import { expect } from 'chai';
import { CollectFeeds } from '../../../resource-provider/collector/collect-feeds';
import { UsageStore } from '../../../core/usage/store/usage-store';
import type { RawUsageRecord } from '../../../core/usage/store/raw-usage-record';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';

interface PlanRow {
  planId: string | null;
  planName: string | null;
  meterId: string;
  unit: string | null;
  subscriptions: number;
  quantity: string | null;
}

const UNKNOWN_SUBSCRIPTION = '0a53e53d-0000-4000-8000-0000000000ff';

function mysql(eventId: number, subscriptionId: string, resourceId: string, start: string, end: string, mb: string, databases: string): RawUsageRecord {
  return {
    EventId: eventId, ExternalRecordId: String(eventId), ResourceId: resourceId, StartTime: start, EndTime: end, ProviderName: 'mysqlservers',
    ServiceType: 'Default', SubscriptionId: subscriptionId, Properties: null, Resources: { TotalAllottedSpace: mb, DatabaseCount: databases },
  };
}

function vm(eventId: number, subscriptionId: string, resourceId: string, start: string, end: string): RawUsageRecord {
  return { EventId: eventId, ResourceId: resourceId, StartTime: start, EndTime: end, ProviderName: 'systemcenter', SubscriptionId: subscriptionId, Resources: { VmRuntimeHours: '1' } };
}

describe(`admins' usage by plan on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let server: RunningServer;
  let wapNow: Date;
  const period = 'from=2025-03-02T00:00:00Z&to=2025-03-04T00:00:00Z';

  before(async () => {
    wapNow = new Date('2025-03-01T00:00:00Z');
    // Tenants 0 and 2 sign up on Standard, tenant 1 on Premium; their generated usage is all on March 1, before the period.
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, now: () => wapNow, generator: { seed: 5, tenants: 3, resourcesPerTenant: 1, days: 1, start: '2025-03-01' } });
    const { usageServiceUrl } = await emulator.start();
    server = await startTestServer({
      wapUsage: { url: usageServiceUrl, username: 'UsageClient', password: 'wap-emulator-usage-password' },
      collector: { intervalSeconds: 0, batchSize: 500, retryDelayMs: 1 },
    });
    const [standardTenant, premiumTenant, returningTenant] = emulator.generatedSubscriptionIds;
    const planId = (name: string) => [...emulator.store.plans.values()].find((p) => p.DisplayName === name)!.Id;
    const move = async (subscriptionId: string, plan: string, at: string) => {
      wapNow = new Date(at);
      const res = await fetch(`${emulator.urls().adminApiUrl}/subscriptions/${subscriptionId}`, {
        method: 'PATCH',
        headers: { ...emulator.adminHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ SubscriptionId: subscriptionId, PlanId: planId(plan) }),
      });
      expect(res.status).to.equal(200);
    };
    // Moved off a whole hour: the usage splits at 12:00, the hour the invoice splits it at.
    await move(premiumTenant, 'Standard', '2025-03-02T12:30:00Z');
    // Standard, then Premium for six hours, then Standard again.
    await move(returningTenant, 'Premium', '2025-03-03T00:00:00Z');
    await move(returningTenant, 'Standard', '2025-03-03T06:00:00Z');
    await server.container.get(CollectFeeds).collect();

    const store = server.container.get<UsageStore>(UsageStore);
    const next = Number(await store.watermark('usage'));
    await store.ingest('usage', {
      nextStartId: String(next + 7),
      records: [
        // 1 GB for 10 h = 10 GB-hours, on Standard all along.
        mysql(next, standardTenant, 'db-a', '2025-03-02T00:00:00', '2025-03-02T10:00:00', '1024', '2'),
        // 2 GB from 06:00 to 18:00: 6 h on Premium (12 GB-hours), 6 h on Standard (12).
        mysql(next + 1, premiumTenant, 'db-b', '2025-03-02T06:00:00', '2025-03-02T18:00:00', '2048', '1'),
        // 0.5 GB for 4 h = 2 GB-hours of a subscription WAP never told us of.
        mysql(next + 2, UNKNOWN_SUBSCRIPTION, 'db-c', '2025-03-03T00:00:00', '2025-03-03T04:00:00', '512', '3'),
        // One VM hour on Standard; one VM's hours on Standard, on Premium and on Standard again.
        vm(next + 3, standardTenant, 'vm-y', '2025-03-02T01:00:00', '2025-03-02T02:00:00'),
        vm(next + 4, returningTenant, 'vm-x', '2025-03-02T20:00:00', '2025-03-02T21:00:00'),
        vm(next + 5, returningTenant, 'vm-x', '2025-03-03T02:00:00', '2025-03-03T03:00:00'),
        vm(next + 6, returningTenant, 'vm-x', '2025-03-03T08:00:00', '2025-03-03T09:00:00'),
      ],
    });
  });
  after(async () => {
    await server.close();
    await emulator.stop();
  });

  async function byPlan(): Promise<PlanRow[]> {
    const res = await fetch(`${server.url}/admin/usage?${period}&groupBy=plan`, { headers: wapHeaders() });
    expect(res.status, await res.clone().text()).to.equal(200);
    return ((await res.json()) as { items: PlanRow[] }).items;
  }

  it("adds up each plan's GB-hours over the subscriptions that held it, split where one changed plans", async () => {
    const rows = await byPlan();
    const space = (planName: string | null) => rows.find((r) => r.planName === planName && r.meterId === 'mysql.allotted-space');
    expect(space('Standard')).to.include({ subscriptions: 2, quantity: '22', unit: 'GB-hour' });
    expect(space('Premium')).to.include({ subscriptions: 1, quantity: '12' });
    expect(space(null)).to.include({ planId: null, subscriptions: 1, quantity: '2' });
  });

  it('counts the subscriptions of a peak meter but adds up no peaks', async () => {
    const databases = (await byPlan()).filter((r) => r.meterId === 'mysql.databases').map((r) => [r.planName, r.subscriptions, r.quantity]);
    expect(databases).to.have.deep.members([['Standard', 2, null], ['Premium', 1, null], [null, 1, null]]);
  });

  it('adds up the hours of a subscription that held a plan twice, and counts it once', async () => {
    const rows = await byPlan();
    const of = (meterId: string) => rows.filter((r) => r.meterId === meterId).map((r) => [r.planName, r.subscriptions, r.quantity]);
    // Standard: 1 h of vm-y and 2 h of vm-x; Premium: 1 h of vm-x.
    expect(of('vm.runtime-hours')).to.have.deep.members([['Standard', 2, '3'], ['Premium', 1, '1']]);
    // Counts of distinct VMs do not add up across subscriptions (nor across vm-x's two times on Standard).
    expect(of('vm.count')).to.have.deep.members([['Standard', 2, null], ['Premium', 1, null]]);
  });

  it('exports the same rows as CSV, the usage of no plan last', async () => {
    const res = await fetch(`${server.url}/admin/usage?${period}&groupBy=plan&format=csv`, { headers: wapHeaders() });
    expect(res.headers.get('content-type')).to.match(/^text\/csv/);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).to.equal('planId,planName,meterId,unit,subscriptions,quantity');
    expect(lines).to.have.length(11);
    expect(lines.slice(-2)).to.deep.equal([',,mysql.allotted-space,GB-hour,1,2', ',,mysql.databases,database,1,']);
  });
});
