import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { MeteringStatus, type MeterPlugin, type MeteringResult, type PluginEntry, type PluginLogger, type PluginManifest, type WapUsageRecord } from '@wap-billing/plugin-api';

/** The repository root: the first folder above the compiled test that holds package.json. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('no package.json above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** The plugin.json of a built-in meter plugin, read from the source tree as the registry would. */
export function readManifest(name: string): PluginManifest {
  return JSON.parse(fs.readFileSync(path.join(repositoryRoot(), 'plugins', 'meters', name, 'plugin.json'), 'utf8')) as PluginManifest;
}

const silent: PluginLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Activates a built-in meter plugin the way the registry does: validates the settings against the
 * manifest's schema (filling in its defaults), then calls the compiled entry module's `activate`.
 */
export async function activateMeterPlugin(name: string, settings: Record<string, unknown> = {}): Promise<MeterPlugin> {
  const manifest = readManifest(name);
  const given = structuredClone(settings);
  const validate = new Ajv({ useDefaults: true, strict: false }).compile(manifest.settingsSchema);
  if (!validate(given)) throw new Error(`settings refused: ${JSON.stringify(validate.errors)}`);
  const entryPath = path.join(repositoryRoot(), 'dist', 'plugins', 'meters', name, manifest.main);
  const entry = require(entryPath) as PluginEntry<MeterPlugin>;
  return entry.activate({ manifest, settings: given, logger: silent, now: () => new Date('2025-03-01T00:00:00Z') });
}

/** A WAP usage record as the collector hands it over; `overrides` changes any field. */
export function wapRecord(overrides: Partial<WapUsageRecord> & Pick<WapUsageRecord, 'providerName' | 'resources'>): WapUsageRecord {
  return {
    eventId: '1001',
    externalRecordId: '1001',
    resourceId: null,
    startTime: new Date('2025-03-10T10:00:00Z'),
    endTime: new Date('2025-03-10T11:00:00Z'),
    serviceType: 'Default',
    subscriptionId: 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10',
    properties: null,
    ...overrides,
  };
}

/** The quantities of a metered result by meter id; fails the test on any other status. */
export function quantitiesOf(result: MeteringResult): Record<string, string> {
  if (result.status !== MeteringStatus.Metered) throw new Error(`expected metered, got ${JSON.stringify(result)}`);
  return Object.fromEntries(result.quantities.map(q => [q.meterId, q.quantity]));
}
