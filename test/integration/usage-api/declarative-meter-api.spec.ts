import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { UsageStore } from '../../../core/usage/store/usage-store';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { serviceBusMeterDocument, temporaryPluginsDir } from '../../support/plugin-folders';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';

const TENANT = '7d8e9f00-0000-4000-8000-0000000000b1';

describe(`a meter defined through the admin API on ${testBackend()}`, () => {
  let server: RunningServer;
  let pluginsDir: string;
  before(async () => {
    pluginsDir = temporaryPluginsDir();
    server = await startTestServer({ pluginsDirs: [pluginsDir] });
  });
  after(() => server.close());

  const call = (method: string, p: string, body?: unknown) =>
    fetch(`${server.url}${p}`, { method, headers: wapHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });

  it('turns quarantined records of a new WAP service into metered usage, once', async () => {
    const outcome = await server.container.get<UsageStore>(UsageStore).ingest('usage', {
      nextStartId: '3',
      records: [1, 2].map((n) => ({
        EventId: n, ResourceId: 'ns-1', StartTime: `2025-03-0${n}T00:00:00`, EndTime: `2025-03-0${n}T01:00:00`,
        ProviderName: 'servicebus', SubscriptionId: TENANT, Resources: { MessageCount: '2500000' },
      })),
    });
    expect(outcome.quarantined).to.equal(2);

    const saved = await call('PUT', '/admin/meters/declarative/meter.servicebus', serviceBusMeterDocument);
    expect(saved.status).to.equal(200);
    expect(await saved.json()).to.deep.include({ id: 'meter.servicebus', state: 'enabled' });
    expect(fs.existsSync(path.join(pluginsDir, 'meter.servicebus.meter.json'))).to.equal(true);

    const first = await (await call('POST', '/admin/quarantine/reprocess')).json();
    expect(first).to.deep.include({ released: 2 });
    const again = await (await call('POST', '/admin/quarantine/reprocess')).json();
    expect(again).to.deep.include({ released: 0 });

    const usage = (await (await call('GET', `/subscriptions/${TENANT}/usage?from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z`)).json()) as { items: { meterId: string; quantity: string }[] };
    // 2 records × 2,500,000 messages ÷ 1,000,000 = 5 million messages
    expect(usage.items.find((i) => i.meterId === 'servicebus.messages')?.quantity).to.equal('5');
  });

  it('meters with a document saved again with changes, whether or not its version moved', async () => {
    const inThousands = { ...serviceBusMeterDocument, id: 'meter.queue', meters: [{ ...serviceBusMeterDocument.meters[0], id: 'queue.messages', provider: 'queue', unit: 'thousand messages', divisor: '1000' }] };
    expect((await call('PUT', '/admin/meters/declarative/meter.queue', inThousands)).status).to.equal(200);
    const meters = server.container.get(MeterRegistry);
    const meterOf = () => meters.active().find((p) => p.id === 'meter.queue')!;
    const record = { eventId: '1', externalRecordId: '1', subscriptionId: TENANT, resourceId: 'q-1', providerName: 'queue', serviceType: 'Default', startTime: new Date('2025-03-01T00:00:00Z'), endTime: new Date('2025-03-01T01:00:00Z'), resources: { MessageCount: '2500000' }, properties: {} };
    expect(meterOf().meter(record)).to.deep.include({ quantities: [{ meterId: 'queue.messages', quantity: '2500' }] });

    // The admin fixes the unit and the divisor, and keeps the version.
    const inMillions = { ...inThousands, meters: [{ ...inThousands.meters[0], unit: 'million messages', divisor: '1000000' }] };
    expect((await call('PUT', '/admin/meters/declarative/meter.queue', inMillions)).status).to.equal(200);
    expect(meterOf().meter(record)).to.deep.include({ quantities: [{ meterId: 'queue.messages', quantity: '2.5' }] });
    expect(meters.meter('queue.messages')?.unit).to.equal('million messages');
  });

  it('refuses an invalid document with the field named, and writes nothing', async () => {
    const bad = { ...serviceBusMeterDocument, id: 'meter.broken', meters: [{ ...serviceBusMeterDocument.meters[0], id: 'broken.messages', divisor: '0' }] };
    const res = await call('PUT', '/admin/meters/declarative/meter.broken', bad);
    expect(res.status).to.equal(400);
    expect(((await res.json()) as { Message: string }).Message).to.match(/^meters\[0\]\.divisor/);
    expect(fs.existsSync(path.join(pluginsDir, 'meter.broken.meter.json'))).to.equal(false);
  });
});
