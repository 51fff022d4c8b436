import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function temporaryPluginsDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-plugins-'));
}

/** Writes a plugin folder the way an admin drops one in: a plugin.json and a compiled entry module. */
export function dropPlugin(pluginsDir: string, folder: string, manifest: unknown, entrySource: string): string {
  const dir = path.join(pluginsDir, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'plugin.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'index.js'), entrySource);
  return dir;
}

export function meterManifest(overrides: Record<string, unknown> = {}) {
  return {
    id: 'meter.backup',
    kind: 'meter',
    version: '1.0.0',
    apiVersion: '^1.0.0',
    main: 'index.js',
    displayName: 'Backup vault',
    settingsSchema: { type: 'object', properties: { key: { type: 'string', default: 'StoredGB' } } },
    ...overrides,
  };
}

/** A third party's meter plugin, in plain JavaScript, importing only the plugin API. */
export const backupMeterSource = `
const { Aggregation, MeteringStatus } = require('@wap-billing/plugin-api');
exports.activate = (context) => ({
  id: context.manifest.id,
  meters: () => [{ id: 'backup.stored-gb', displayName: 'Backup storage', unit: 'GB', aggregation: Aggregation.Max }],
  meter(record) {
    if (record.providerName !== 'backupvault') return { status: MeteringStatus.NotApplicable };
    const value = record.resources[context.settings.key];
    return { status: MeteringStatus.Metered, quantities: value === undefined ? [] : [{ meterId: 'backup.stored-gb', quantity: value }] };
  },
});
`;

/** A declarative meter for a WAP service no built-in meter knows: Service Bus messages, in millions. */
export const serviceBusMeterDocument = {
  id: 'meter.servicebus', displayName: 'Service Bus', version: '1.0.0',
  meters: [{ id: 'servicebus.messages', displayName: 'Messages', unit: 'million messages', aggregation: 'sum', provider: 'servicebus', resourceKey: 'MessageCount', divisor: '1000000' }],
};
