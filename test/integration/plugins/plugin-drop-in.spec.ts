import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import { MeteringStatus, PLUGIN_API_VERSION, type WapUsageRecord } from '../../../core/plugin-api';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { backupMeterSource, dropPlugin, meterManifest, temporaryPluginsDir } from '../../support/plugin-folders';
import { startTestServer, wapHeaders } from '../../support/test-server';

interface PluginView {
  id: string;
  state: string;
  error: string | null;
  kind: string;
}

describe('dropping plugins into PLUGINS_DIR at run time', () => {
  let server: RunningServer & { databaseUrl: string };
  let pluginsDir: string;

  beforeEach(async () => {
    pluginsDir = temporaryPluginsDir();
    server = await startTestServer({ pluginsDirs: [pluginsDir] });
  });
  afterEach(() => server.close());

  async function rescan(): Promise<PluginView[]> {
    const res = await fetch(`${server.url}/admin/plugins/rescan`, { method: 'POST', headers: wapHeaders() });
    expect(res.status).to.equal(200);
    return ((await res.json()) as { items: PluginView[] }).items;
  }

  async function listed(): Promise<PluginView[]> {
    const res = await fetch(`${server.url}/admin/plugins`, { headers: wapHeaders() });
    expect(res.status).to.equal(200);
    return ((await res.json()) as { items: PluginView[] }).items;
  }

  const byId = (items: PluginView[], id: string) => items.find((p) => p.id === id);

  it('enables a meter plugin dropped in after start, and its meters work', async () => {
    expect(byId(await listed(), 'meter.backup')).to.equal(undefined);
    dropPlugin(pluginsDir, 'backup', meterManifest(), backupMeterSource);

    const plugin = byId(await rescan(), 'meter.backup');
    expect(plugin).to.include({ state: 'enabled', kind: 'meter', error: null });

    const meters = server.container.get(MeterRegistry);
    expect(meters.meter('backup.stored-gb')?.unit).to.equal('GB');
    const record: WapUsageRecord = {
      eventId: '7', externalRecordId: '7', resourceId: 'vault-1', providerName: 'backupvault', serviceType: null,
      subscriptionId: 'a7319215-0000-0000-0000-000000000001', properties: null, resources: { StoredGB: '12.5' },
      startTime: new Date('2025-03-01T00:00:00Z'), endTime: new Date('2025-03-01T01:00:00Z'),
    };
    const plugins = meters.active().filter((p) => p.id === 'meter.backup');
    expect(plugins[0].meter(record)).to.deep.equal({ status: MeteringStatus.Metered, quantities: [{ meterId: 'backup.stored-gb', quantity: '12.5' }] });
  });

  it('records a malformed plugin.json as failed with the reason, and keeps serving', async () => {
    dropPlugin(pluginsDir, 'broken-json', '{ "id": "meter.broken", ', backupMeterSource);
    dropPlugin(pluginsDir, 'no-kind', meterManifest({ id: 'meter.no-kind', kind: undefined }), backupMeterSource);

    const items = await rescan();
    expect(byId(items, 'broken-json')?.state).to.equal('failed');
    expect(byId(items, 'broken-json')?.error).to.match(/not readable JSON/);
    expect(byId(items, 'meter.no-kind')?.error).to.match(/must have required property 'kind'/);
    expect((await fetch(`${server.url}/health`)).status).to.equal(200);
  });

  it('refuses a plugin built for another major version of the plugin API', async () => {
    dropPlugin(pluginsDir, 'future', meterManifest({ id: 'meter.future', apiVersion: '^2.0.0' }), backupMeterSource);

    const plugin = byId(await rescan(), 'meter.future');
    expect(plugin?.state).to.equal('failed');
    expect(plugin?.error).to.equal(`incompatible plugin API: the plugin needs ^2.0.0, this server provides ${PLUGIN_API_VERSION}`);
    expect(server.container.get(MeterRegistry).meter('backup.stored-gb')).to.equal(undefined);
  });

  it('records a plugin whose module throws on load, or whose activate throws, as failed', async () => {
    dropPlugin(pluginsDir, 'throws-on-load', meterManifest({ id: 'meter.throws-on-load' }), `throw new Error('cannot find license file');`);
    dropPlugin(pluginsDir, 'throws-on-activate', meterManifest({ id: 'meter.throws-on-activate' }), `exports.activate = () => { throw new Error('vault unreachable'); };`);

    const items = await rescan();
    expect(byId(items, 'meter.throws-on-load')).to.include({ state: 'failed', error: 'loading index.js failed: cannot find license file' });
    expect(byId(items, 'meter.throws-on-activate')).to.include({ state: 'failed', error: 'activate() failed: vault unreachable' });
    expect((await fetch(`${server.url}/health`)).status).to.equal(200);
    const health = (await (await fetch(`${server.url}/health`)).json()) as { plugins: { failed: number } };
    expect(health.plugins.failed).to.equal(2);
  });

  it('keeps a disabled plugin disabled across a restart, and forgets a removed folder on rescan', async () => {
    const dir = dropPlugin(pluginsDir, 'backup', meterManifest(), backupMeterSource);
    await rescan();
    const disabled = await fetch(`${server.url}/admin/plugins/meter.backup/disable`, { method: 'POST', headers: wapHeaders() });
    expect(((await disabled.json()) as PluginView).state).to.equal('disabled');
    expect(server.container.get(MeterRegistry).meter('backup.stored-gb')).to.equal(undefined);

    await server.close();
    server = await startTestServer({ pluginsDirs: [pluginsDir], databaseUrl: server.databaseUrl });
    expect(byId(await listed(), 'meter.backup')?.state).to.equal('disabled');

    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true });
    expect(byId(await rescan(), 'meter.backup')).to.equal(undefined);
  });

  it('answers 404 in WAP error form for an unknown plugin id', async () => {
    const res = await fetch(`${server.url}/admin/plugins/meter.nope/enable`, { method: 'POST', headers: wapHeaders() });
    expect(res.status).to.equal(404);
    expect(await res.json()).to.deep.equal({ Code: 'PluginNotFound', Message: 'No plugin with that id is installed' });
  });

  it('turns a declarative *.meter.json dropped in at run time into a working meter, no code needed', async () => {
    const document = {
      id: 'meter.servicebus', displayName: 'Service Bus', version: '1.0.0',
      meters: [{ id: 'servicebus.messages', displayName: 'Messages', unit: 'million messages', aggregation: 'sum', provider: 'servicebus', resourceKey: 'MessageCount', divisor: '1000000' }],
    };
    writeFileSync(path.join(pluginsDir, 'servicebus.meter.json'), JSON.stringify(document));
    writeFileSync(path.join(pluginsDir, 'broken.meter.json'), JSON.stringify({ ...document, id: 'meter.broken', meters: [{ ...document.meters[0], id: 'servicebus.x', divisor: '0' }] }));

    const items = await rescan();
    expect(byId(items, 'meter.servicebus')).to.include({ state: 'enabled', kind: 'meter', error: null });
    expect(byId(items, 'meter.broken')?.state).to.equal('failed');
    expect(byId(items, 'meter.broken')?.error).to.match(/^invalid meter document: meters\[0\]\.divisor/);
    const plugin = server.container.get(MeterRegistry).active().find((p) => p.id === 'meter.servicebus')!;
    const record: WapUsageRecord = {
      eventId: '9', externalRecordId: null, resourceId: 'ns-1', providerName: 'servicebus', serviceType: null,
      subscriptionId: 'a7319215-0000-0000-0000-000000000001', properties: null, resources: { MessageCount: '2500000' },
      startTime: new Date('2025-03-01T00:00:00Z'), endTime: new Date('2025-03-01T01:00:00Z'),
    };
    // 2,500,000 messages / 1,000,000 = 2.5 million messages
    expect(plugin.meter(record)).to.deep.equal({ status: MeteringStatus.Metered, quantities: [{ meterId: 'servicebus.messages', quantity: '2.5' }] });
  });
});
