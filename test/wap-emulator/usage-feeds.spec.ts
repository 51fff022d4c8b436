import { expect } from 'chai';
import type { UsageEvent, UsageRecord } from '../../wap-emulator/contract/wap-types';
import { WapEmulator } from '../../wap-emulator/wap-emulator';
import { EmulatorClient } from './emulator-client';

const generator = { seed: 42, tenants: 3, resourcesPerTenant: 4, days: 2, start: '2024-03-01' };

describe('WAP emulator: Usage Service feeds', () => {
  let emulator: WapEmulator;
  let client: EmulatorClient;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, generator });
    await emulator.start();
    client = new EmulatorClient(emulator);
  });
  afterEach(() => emulator.stop());

  it('serves usage records in the contract shape, EventIds from 1, values as strings', async () => {
    const page = await client.feed('/usage', 1, 50);
    expect(page.map(r => r.EventId)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const record of page) {
      expect(Object.keys(record)).to.deep.equal(['EventId', 'ExternalRecordId', 'ResourceId', 'StartTime', 'EndTime',
        'ProviderName', 'ServiceType', 'SubscriptionId', 'Properties', 'Resources']);
      expect(record.StartTime).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(record.EndTime).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(emulator.generatedSubscriptionIds).to.include(record.SubscriptionId);
      for (const value of Object.values(record.Resources)) expect(value).to.be.a('string');
    }
    expect(page[0].StartTime).to.equal('2024-03-01T00:00:00');
  });

  it('produces hourly VM and site records and daily database records with the documented keys', async () => {
    const all = await client.pullAll('/usage', 1000);
    const byProvider = (p: string) => all.filter(r => r.ProviderName === p);
    const vm = byProvider('systemcenter')[0];
    expect(vm.Resources).to.have.keys('VmRuntimeHours', 'CpuCount', 'MemoryMB', 'DiskGB');
    expect(Date.parse(`${vm.EndTime}Z`) - Date.parse(`${vm.StartTime}Z`)).to.equal(3_600_000);
    const site = byProvider('webspaces')[0];
    expect(site.Resources).to.have.keys('CpuTime', 'BytesReceived', 'BytesSent', 'Requests', 'TotalIncomingRequestBytes');
    for (const db of [...byProvider('sqlservers'), ...byProvider('mysqlservers')]) {
      expect(db.Resources).to.have.keys('TotalAllottedSpace', 'DatabaseCount');
      expect(Date.parse(`${db.EndTime}Z`) - Date.parse(`${db.StartTime}Z`)).to.equal(86_400_000);
    }
    // 12 resources over 4 providers, 3 per provider: 6 hourly × 24 h + 6 daily, per day, for 2 days.
    expect(all).to.have.length((6 * 24 + 6) * 2);
  });

  it('repeats the same stream for the same seed and another one for a different seed', async () => {
    const first = await client.pullAll('/usage', 100);
    const twin = new WapEmulator({ adminPort: 0, usagePort: 0, generator });
    const other = new WapEmulator({ adminPort: 0, usagePort: 0, generator: { ...generator, seed: 43 } });
    await Promise.all([twin.start(), other.start()]);
    try {
      expect(await new EmulatorClient(twin).pullAll('/usage', 100)).to.deep.equal(first);
      expect(await new EmulatorClient(other).pullAll('/usage', 100)).to.not.deep.equal(first);
      expect(await new EmulatorClient(twin).pullAll('/billing/subscriptions', 10))
        .to.deep.equal(await client.pullAll('/billing/subscriptions', 10));
    } finally {
      await Promise.all([twin.stop(), other.stop()]);
    }
  });

  it('yields one concatenated stream whatever the page size', async () => {
    const reference = await client.pullAll('/usage', 1000);
    for (const size of [1, 7, 64, 333]) {
      expect(await client.pullAll('/usage', size), `batchSize ${size}`).to.deep.equal(reference);
    }
  });

  it('returns records from startId on, at most batchSize, and [] past the end or for batchSize 0', async () => {
    const last = emulator.usage.lastEventId;
    expect((await client.feed('/usage', 100, 5)).map(r => r.EventId)).to.deep.equal([100, 101, 102, 103, 104]);
    expect((await client.feed('/usage', last - 1, 10)).map(r => r.EventId)).to.deep.equal([last - 1, last]);
    expect(await client.feed('/usage', last + 1, 10)).to.deep.equal([]);
    expect(await client.feed('/usage', 1, 0)).to.deep.equal([]);
  });

  it('answers 400 with a WAP error body for a missing or invalid startId or batchSize', async () => {
    for (const query of ['', '?startId=1', '?batchSize=5', '?startId=-1&batchSize=5', '?startId=1&batchSize=abc']) {
      const response = await fetch(`${emulator.urls().usageServiceUrl}/usage${query}`, { headers: emulator.usageHeaders() });
      expect(response.status, query).to.equal(400);
      const body = await response.json() as { Code: string; Message: string; Details: unknown[] };
      expect(body).to.have.keys('Code', 'Message', 'Details');
    }
  });

  it('numbers appended records after the generated ones', async () => {
    const generated = emulator.usage.lastEventId;
    const subscriptionId = emulator.generatedSubscriptionIds[0];
    const [added] = emulator.usage.append([{ SubscriptionId: subscriptionId, ProviderName: 'mysqlservers',
      Resources: { TotalAllottedSpace: 1024, DatabaseCount: '1' }, StartTime: '2024-03-05T00:00:00',
      EndTime: '2024-03-06T00:00:00' }]);
    expect(added.EventId).to.equal(generated + 1);
    const [served] = await client.feed('/usage', generated + 1, 10);
    expect(served).to.deep.equal({
      EventId: generated + 1, ExternalRecordId: String(generated + 1), ResourceId: null,
      StartTime: '2024-03-05T00:00:00', EndTime: '2024-03-06T00:00:00', ProviderName: 'mysqlservers',
      ServiceType: 'Default', SubscriptionId: subscriptionId, Properties: null,
      Resources: { TotalAllottedSpace: '1024', DatabaseCount: '1' },
    });
  });

  it('starts each billing feed at EventId 1 with the generated plans, add-ons and subscriptions', async () => {
    const plans = await client.pullAll<UsageEvent<{ Id: string; DisplayName: string }>>('/billing/plans', 10);
    expect(plans.map(e => [e.EventId, e.Method, e.Entity.DisplayName])).to.deep.equal([[1, 'POST', 'Standard'], [2, 'POST', 'Premium']]);
    expect(plans[0].Entity.Id).to.match(/^Stand[a-z]{8}$/);
    const subscriptions = await client.pullAll<UsageEvent<{ SubscriptionID: string; State: number }>>('/billing/subscriptions', 10);
    expect(subscriptions.map(e => e.Entity.SubscriptionID)).to.deep.equal(emulator.generatedSubscriptionIds);
    expect(subscriptions.every(e => e.Entity.State === 1)).to.equal(true);
    for (const feed of ['/billing/planServices', '/billing/planAddons', '/billing/addons']) {
      const events = await client.pullAll<UsageEvent>(feed, 10);
      expect(events[0]?.EventId, feed).to.equal(1);
      expect(events[0]).to.have.keys('EventId', 'State', 'Method', 'Entity', 'EntityParentId', 'NotificationEventTimeCreated');
    }
    expect(await client.pullAll<UsageEvent>('/billing/subscriptionAddons', 10)).to.be.an('array');
  });

  it('with overlapPages repeats the tail of the previous page, never past batchSize', async () => {
    emulator.overlapPages = 3;
    expect((await client.feed('/usage', 1, 5)).map(r => r.EventId)).to.deep.equal([1, 2, 3, 4, 5]);
    expect((await client.feed('/usage', 6, 5)).map(r => r.EventId)).to.deep.equal([3, 4, 5, 6, 7]);
    expect((await client.feed('/usage', 6, 2)).map(r => r.EventId)).to.deep.equal([5, 6]);
    const pulled = await client.pullAll<UsageRecord>('/usage', 10);
    const unique = new Map(pulled.map(r => [r.EventId, r]));
    expect(unique.size).to.equal(emulator.usage.lastEventId);
    expect(pulled.length).to.be.greaterThan(unique.size);
  });
});
