import { expect } from 'chai';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import type { WapUsageRecord } from '../../../core/plugin-api';
import { CollectFeeds } from '../../../resource-provider/collector/collect-feeds';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { serviceBusMeterDocument, temporaryPluginsDir } from '../../support/plugin-folders';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';

const USAGE_CREDENTIALS = { username: 'UsageClient', password: 'wap-emulator-usage-password' };

const messages: WapUsageRecord = {
  eventId: '1', externalRecordId: '1', subscriptionId: 'sub-1', resourceId: 'ns-1', providerName: 'servicebus', serviceType: 'Default',
  startTime: new Date('2025-03-01T00:00:00Z'), endTime: new Date('2025-03-01T01:00:00Z'), resources: { MessageCount: '2500000' }, properties: {},
};

// Two resource providers on one database and one plugins folder, as behind a load balancer: an
// admin's call reaches one of them, and the collector runs on whichever holds its lease.
describe(`plugins changed through one of several instances on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let first: RunningServer & { databaseUrl: string };
  let second: RunningServer & { databaseUrl: string };

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0 });
    const { usageServiceUrl } = await emulator.start();
    const pluginsDirs = [temporaryPluginsDir()];
    const wapUsage = { url: usageServiceUrl, ...USAGE_CREDENTIALS };
    first = await startTestServer({ pluginsDirs, wapUsage });
    second = await startTestServer({ pluginsDirs, wapUsage, databaseUrl: first.databaseUrl });
  });
  afterEach(async () => {
    await second.close();
    await first.close();
    await emulator.stop();
  });

  const call = (server: RunningServer, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: wapHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
  const metering = (server: RunningServer) => server.container.get(MeterRegistry).active().find((p) => p.id === 'meter.servicebus')?.meter(messages);
  const collect = async (server: RunningServer) => expect((await server.container.get(CollectFeeds).collect()).status).to.equal('collected');

  it('are the ones the other instance collects with, from its next run', async () => {
    expect((await call(first, 'PUT', '/admin/meters/declarative/meter.servicebus', serviceBusMeterDocument)).status).to.equal(200);
    expect(metering(second)).to.equal(undefined);
    await collect(second);
    expect(metering(second)).to.deep.include({ quantities: [{ meterId: 'servicebus.messages', quantity: '2.5' }] });

    // Thousands instead of millions, under the same version.
    const inThousands = { ...serviceBusMeterDocument, meters: [{ ...serviceBusMeterDocument.meters[0], unit: 'thousand messages', divisor: '1000' }] };
    expect((await call(first, 'PUT', '/admin/meters/declarative/meter.servicebus', inThousands)).status).to.equal(200);
    await collect(second);
    expect(metering(second)).to.deep.include({ quantities: [{ meterId: 'servicebus.messages', quantity: '2500' }] });

    expect((await call(first, 'POST', '/admin/plugins/meter.servicebus/disable')).status).to.equal(200);
    await collect(second);
    expect(metering(second)).to.equal(undefined);

    expect((await call(first, 'POST', '/admin/plugins/meter.servicebus/enable')).status).to.equal(200);
    await collect(second);
    expect(metering(second)).to.deep.include({ quantities: [{ meterId: 'servicebus.messages', quantity: '2500' }] });
  });

  it('are applied by a rescan of the other instance', async () => {
    expect((await call(first, 'POST', '/admin/plugins/meter.sql-databases/disable')).status).to.equal(200);
    const listed = async () => ((await (await call(second, 'GET', '/admin/plugins')).json()) as { items: { id: string; state: string }[] }).items.find((p) => p.id === 'meter.sql-databases')?.state;
    expect(await listed()).to.equal('enabled');
    expect((await call(second, 'POST', '/admin/plugins/rescan')).status).to.equal(200);
    expect(await listed()).to.equal('disabled');
    expect(second.container.get(MeterRegistry).meter('sqlserver.databases')).to.equal(undefined);
  });
});
