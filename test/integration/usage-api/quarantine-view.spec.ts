import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { UsageStore } from '../../../core/usage/store/usage-store';
import type { RawUsageRecord } from '../../../core/usage/store/raw-usage-record';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { serviceBusMeterDocument, temporaryPluginsDir } from '../../support/plugin-folders';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { wire } from '../usage/usage-world';

const serviceBus = (eventId: number, overrides: Partial<RawUsageRecord> = {}) =>
  wire(eventId, { ProviderName: 'servicebus', ResourceId: 'ns-1', Resources: { MessageCount: '2500000' }, ...overrides });

const UNCLAIMED = 'unclaimed: no enabled meter plugin meters provider "servicebus" (service type "Default")';
const BACKWARDS = 'bad_interval: record 4 ends (2025-03-10T09:00:00.000Z) before it starts (2025-03-10T10:00:00.000Z)';
const NO_SUBSCRIPTION = 'no_subscription: record 6 names no SubscriptionId';

describe(`the admin's view of the quarantine on ${testBackend()}`, () => {
  let server: RunningServer;
  before(async () => {
    server = await startTestServer({ pluginsDirs: [temporaryPluginsDir()] });
    // 1–3 of a service no meter knows, 4 ends before it starts, 5 meters (MySQL), 6 names no subscription.
    const outcome = await server.container.get<UsageStore>(UsageStore).ingest('usage', {
      nextStartId: '7',
      records: [serviceBus(1), serviceBus(2), serviceBus(3), serviceBus(4, { EndTime: '2025-03-10T09:00:00' }), wire(5), serviceBus(6, { SubscriptionId: undefined })],
    });
    expect(outcome).to.include({ new: 6, metered: 1, quarantined: 5 });
  });
  after(() => server.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${path}`, { headers: wapHeaders(headers) });
    return { status: res.status, link: res.headers.get('link'), body: res.headers.get('content-type')?.startsWith('text/csv') ? await res.text() : await res.json() };
  };

  it('counts what waits by kind of reason and provider, the largest first, with a reason to read', async () => {
    const { status, body } = await get('/admin/quarantine');
    expect(status).to.equal(200);
    expect(body).to.deep.equal({
      items: [
        { kind: 'unclaimed', providerName: 'servicebus', records: 3, firstEventId: '1', lastEventId: '3', example: UNCLAIMED },
        { kind: 'bad_interval', providerName: 'servicebus', records: 1, firstEventId: '4', lastEventId: '4', example: BACKWARDS },
        { kind: 'no_subscription', providerName: 'servicebus', records: 1, firstEventId: '6', lastEventId: '6', example: NO_SUBSCRIPTION },
      ],
    });
    const csv = await get('/admin/quarantine?format=csv');
    expect((csv.body as string).trim().split('\n')).to.deep.equal([
      'kind,providerName,records,firstEventId,lastEventId,example',
      `unclaimed,servicebus,3,1,3,"${UNCLAIMED.replace(/"/g, '""')}"`,
      `bad_interval,servicebus,1,4,4,${BACKWARDS}`,
      `no_subscription,servicebus,1,6,6,${NO_SUBSCRIPTION}`,
    ]);
  });

  it('lists the records a page at a time in EventId order, each with what WAP sent and why it waits', async () => {
    const first = await get('/admin/quarantine/records?limit=2');
    expect(first.body.items).to.deep.equal([
      { feed: 'usage', eventId: '1', subscriptionId: wire(1).SubscriptionId, providerName: 'servicebus', resourceId: 'ns-1', startTime: '2025-03-10T10:00:00.000Z', endTime: '2025-03-10T11:00:00.000Z', reason: UNCLAIMED, quarantinedAt: first.body.items[0].quarantinedAt },
      { feed: 'usage', eventId: '2', subscriptionId: wire(1).SubscriptionId, providerName: 'servicebus', resourceId: 'ns-1', startTime: '2025-03-10T10:00:00.000Z', endTime: '2025-03-10T11:00:00.000Z', reason: UNCLAIMED, quarantinedAt: first.body.items[1].quarantinedAt },
    ]);
    expect(first.body.next).to.equal('/admin/quarantine/records?limit=2&after=2');
    expect(first.link).to.equal('</admin/quarantine/records?limit=2&after=2>; rel="next"');

    const eventIds = [first.body.items.map((r: { eventId: string }) => r.eventId)];
    for (let next: string | undefined = first.body.next; next; ) {
      const page = await get(next);
      eventIds.push(page.body.items.map((r: { eventId: string }) => r.eventId));
      next = page.body.next;
    }
    // 5 metered: it is not there. The last page is short, and says no next.
    expect(eventIds).to.deep.equal([['1', '2'], ['3', '4'], ['6']]);
  });

  it('filters by kind of reason and by provider', async () => {
    const ids = async (query: string) => (await get(`/admin/quarantine/records?${query}`)).body.items.map((r: { eventId: string }) => r.eventId);
    expect(await ids('kind=unclaimed')).to.deep.equal(['1', '2', '3']);
    expect(await ids('kind=bad_interval&providerName=servicebus')).to.deep.equal(['4']);
    expect(await ids('providerName=mysqlservers')).to.deep.equal([]);
    expect(await ids('after=3&kind=unclaimed')).to.deep.equal([]);
  });

  it("answers WAP's error body for a filter it cannot take", async () => {
    for (const query of ['limit=0', 'limit=1001', 'limit=ten', 'kind=lost', 'after=-1', 'after=1&after=2']) {
      const { status, body } = await get(`/admin/quarantine/records?${query}`);
      expect(status, query).to.equal(400);
      expect(body.Code, query).to.equal('BadRequest');
      expect(body.Message, query).to.match(/^'(limit|kind|after)' must/);
    }
  });

  it('answers as its OpenAPI document says', async () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    ajv.addSchema(await (await fetch(`${server.url}/openapi.json`)).json(), 'openapi.json');
    for (const [route, path] of [['~1admin~1quarantine', '/admin/quarantine'], ['~1admin~1quarantine~1records', '/admin/quarantine/records']]) {
      const validate = ajv.compile({ $ref: `openapi.json#/paths/${route}/get/responses/200/content/application~1json/schema` });
      const { body } = await get(path);
      expect(body.items.length, path).to.be.greaterThan(0);
      expect(validate(body), `${path}: ${ajv.errorsText(validate.errors)}`).to.equal(true);
    }
  });

  it('no longer counts the records a new meter released', async () => {
    const saved = await fetch(`${server.url}/admin/meters/declarative/meter.servicebus`, { method: 'PUT', headers: wapHeaders(), body: JSON.stringify(serviceBusMeterDocument) });
    expect(saved.status).to.equal(200);
    const reprocessed = await fetch(`${server.url}/admin/quarantine/reprocess`, { method: 'POST', headers: wapHeaders() });
    expect(await reprocessed.json()).to.deep.include({ examined: 5, released: 3 });

    expect((await get('/admin/quarantine')).body.items.map((g: { kind: string; records: number }) => [g.kind, g.records])).to.deep.equal([['bad_interval', 1], ['no_subscription', 1]]);
    expect((await get('/admin/quarantine/records')).body.items.map((r: { eventId: string }) => r.eventId)).to.deep.equal(['4', '6']);
  });

  it("exports what WAP wrote as text a spreadsheet shows, never as a formula it runs", async () => {
    await server.container.get<UsageStore>(UsageStore).ingest('usage', {
      nextStartId: '8',
      records: [wire(7, { ProviderName: '=1+2', ResourceId: '@SUM(A1:A9)', Resources: { Hours: '1' } })],
    });
    const json = await get('/admin/quarantine/records?after=6');
    expect(json.body.items.map((r: { providerName: string; resourceId: string }) => [r.providerName, r.resourceId])).to.deep.equal([['=1+2', '@SUM(A1:A9)']]);

    const [header, row] = ((await get('/admin/quarantine/records?after=6&format=csv')).body as string).trim().split('\n');
    expect(header.split(',').slice(3, 5)).to.deep.equal(['providerName', 'resourceId']);
    expect(row.split(',').slice(3, 5)).to.deep.equal(["'=1+2", "'@SUM(A1:A9)"]);
  });
});
