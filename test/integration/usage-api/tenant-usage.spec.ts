import { expect } from 'chai';
import { UsageStore } from '../../../core/usage/store/usage-store';
import type { RawUsageRecord } from '../../../core/usage/store/raw-usage-record';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';

const TENANT_A = '0a53e53d-0000-4000-8000-00000000000a';
const TENANT_B = '0a53e53d-0000-4000-8000-00000000000b';

function mysql(eventId: number, subscriptionId: string, resourceId: string, start: string, end: string, mb: string, databases: string): RawUsageRecord {
  return {
    EventId: eventId, ExternalRecordId: String(eventId), ResourceId: resourceId, StartTime: start, EndTime: end, ProviderName: 'mysqlservers',
    ServiceType: 'Default', SubscriptionId: subscriptionId, Properties: null, Resources: { TotalAllottedSpace: mb, DatabaseCount: databases },
  };
}

interface Item {
  meterId: string;
  quantity: string;
  from: string;
  to: string;
  resourceId?: string | null;
  eventId?: string;
}

// Answered from the records before the collector rolls them up, from the rollups after: the same.
for (const rolledUp of [false, true]) describe(`tenant usage API on ${testBackend()}, ${rolledUp ? 'rolled up' : 'before the roll-up'}`, () => {
  let server: RunningServer;
  const march = 'from=2025-03-01T00:00:00Z&to=2025-03-03T00:00:00Z';

  before(async () => {
    server = await startTestServer();
    await server.container.get<UsageStore>(UsageStore).ingest('usage', {
      nextStartId: '6',
      records: [
        mysql(1, TENANT_A, 'db-1', '2025-03-01T00:00:00', '2025-03-01T01:00:00', '1024', '1'),
        mysql(2, TENANT_A, 'db-1', '2025-03-01T01:00:00', '2025-03-01T03:00:00', '2048', '2'),
        mysql(3, TENANT_A, 'db-1', '2025-03-02T00:00:00', '2025-03-02T00:30:00', '512', '1'),
        mysql(4, TENANT_A, 'db-2', '2025-03-01T05:00:00', '2025-03-01T06:00:00', '3072', '1'),
        mysql(5, TENANT_B, 'db-9', '2025-03-01T00:00:00', '2025-03-01T10:00:00', '10240', '7'),
      ],
    });
    if (rolledUp) expect(await server.container.get<UsageStore>(UsageStore).rollUp('usage')).to.equal(5);
  });
  after(() => server.close());

  async function items(path: string): Promise<Item[]> {
    const res = await fetch(`${server.url}${path}`, { headers: wapHeaders() });
    expect(res.status, await res.clone().text()).to.equal(200);
    return ((await res.json()) as { items: Item[] }).items;
  }

  const quantityOf = (list: Item[], meterId: string) => list.find((i) => i.meterId === meterId)?.quantity;

  it('totals each meter of the subscription over the period', async () => {
    const totals = await items(`/subscriptions/${TENANT_A}/usage?${march}`);
    // GB-hours: 1 GB × 1 h + 2 GB × 2 h + 0.5 GB × 0.5 h + 3 GB × 1 h = 1 + 4 + 0.25 + 3 = 8.25
    expect(quantityOf(totals, 'mysql.allotted-space')).to.equal('8.25');
    // databases are billed at their peak: max(1, 2, 1, 1) = 2
    expect(quantityOf(totals, 'mysql.databases')).to.equal('2');
    expect(totals[0]).to.include({ from: '2025-03-01T00:00:00.000Z', to: '2025-03-03T00:00:00.000Z' });
    expect(totals.find((i) => i.meterId === 'mysql.allotted-space')).to.include({ displayName: 'MySQL allotted space', unit: 'GB-hour' });
  });

  it('answers a daily series', async () => {
    const series = await items(`/subscriptions/${TENANT_A}/usage?${march}&granularity=day`);
    const space = series.filter((i) => i.meterId === 'mysql.allotted-space').map((i) => [i.from.slice(0, 10), i.quantity]);
    // 1 March: 1 + 4 + 3 = 8; 2 March: 0.25
    expect(space).to.deep.equal([['2025-03-01', '8'], ['2025-03-02', '0.25']]);
  });

  it('answers an hourly series from the hourly rollups', async () => {
    const series = await items(`/subscriptions/${TENANT_A}/usage?from=2025-03-01T00:00:00Z&to=2025-03-01T04:00:00Z&granularity=hour`);
    const space = series.filter((i) => i.meterId === 'mysql.allotted-space').map((i) => [i.from.slice(11, 13), i.quantity]);
    // 00h: 1 GB × 1 h; 01h and 02h: 2 GB × 1 h each; 03h: nothing
    expect(space).to.deep.equal([['00', '1'], ['01', '2'], ['02', '2']]);
  });

  it('drills from a meter total to its resources, and from a resource to the WAP records behind it', async () => {
    const resources = await items(`/subscriptions/${TENANT_A}/usage/meters/mysql.allotted-space/resources?${march}`);
    // db-1: 1 + 4 + 0.25 = 5.25; db-2: 3
    expect(resources.map((r) => [r.resourceId, r.quantity])).to.deep.equal([['db-1', '5.25'], ['db-2', '3']]);

    const records = await items(`/subscriptions/${TENANT_A}/usage/meters/mysql.allotted-space/resources/db-1/records?${march}`);
    expect(records.map((r) => r.eventId)).to.deep.equal(['1', '2', '3']);
    expect((records[1] as unknown as { record: RawUsageRecord }).record.Resources).to.deep.equal({ TotalAllottedSpace: '2048', DatabaseCount: '2' });
  });

  it('exports any view as CSV', async () => {
    const res = await fetch(`${server.url}/subscriptions/${TENANT_A}/usage/meters/mysql.allotted-space/resources?${march}&format=csv`, { headers: wapHeaders() });
    expect(res.headers.get('content-type')).to.match(/^text\/csv/);
    expect(await res.text()).to.equal(
      'meterId,resourceId,unit,quantity,from,to\n' +
        'mysql.allotted-space,db-1,GB-hour,5.25,2025-03-01T00:00:00.000Z,2025-03-03T00:00:00.000Z\n' +
        'mysql.allotted-space,db-2,GB-hour,3,2025-03-01T00:00:00.000Z,2025-03-03T00:00:00.000Z\n',
    );
  });

  it("never answers with another subscription's usage, whatever the query says", async () => {
    const totals = await items(`/subscriptions/${TENANT_A}/usage?${march}&subscriptionId=${TENANT_B}`);
    expect(quantityOf(totals, 'mysql.allotted-space')).to.equal('8.25');
    const resources = await items(`/subscriptions/${TENANT_A}/usage/meters/mysql.allotted-space/resources?${march}`);
    expect(resources.map((r) => r.resourceId)).not.to.include('db-9');
    expect(await items(`/subscriptions/${TENANT_A}/usage/meters/mysql.allotted-space/resources/db-9/records?${march}`)).to.deep.equal([]);
  });

  it('refuses a bad period or granularity with a WAP error naming the parameter', async () => {
    for (const [query, message] of [
      ['from=yesterday', "'from' must be an ISO 8601 instant such as 2025-03-01T00:00:00Z"],
      ['from=2025-03-01T00:30:00Z', "'from' must fall on a whole UTC hour"],
      ['from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z', "'to' must be after 'from'"],
      [`${march}&granularity=week`, "'granularity' must be one of hour, day, month"],
    ]) {
      const res = await fetch(`${server.url}/subscriptions/${TENANT_A}/usage?${query}`, { headers: wapHeaders() });
      expect(res.status).to.equal(400);
      expect(await res.json()).to.deep.equal({ Code: 'BadRequest', Message: message });
    }
  });

  it('lists every subscription and meter for admins', async () => {
    const overview = await items(`/admin/usage?${march}`);
    const tenantB = overview.find((i) => (i as unknown as { subscriptionId: string }).subscriptionId === TENANT_B && i.meterId === 'mysql.allotted-space');
    // 10 GB × 10 h = 100 GB-hours
    expect(tenantB?.quantity).to.equal('100');
    const meters = await items('/admin/meters');
    expect(meters.map((m) => (m as unknown as { id: string }).id)).to.include.members(['mysql.allotted-space', 'vm.runtime-hours', 'websites.requests']);
  });

  it('adds up a meter across subscriptions for admins where its quantities add up', async () => {
    const perMeter = (await items(`/admin/usage?${march}&groupBy=meter`)) as unknown as { meterId: string; subscriptions: number; quantity: string | null }[];
    // GB-hours: 8.25 of tenant A and 100 of tenant B; the databases are peaks, which do not add up.
    expect(perMeter.find((m) => m.meterId === 'mysql.allotted-space')).to.include({ subscriptions: 2, quantity: '108.25' });
    expect(perMeter.find((m) => m.meterId === 'mysql.databases')).to.include({ subscriptions: 2, quantity: null });
  });
});
