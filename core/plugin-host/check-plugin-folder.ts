import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PluginKind, type MeterDefinition } from '../plugin-api';
import type { PluginActivator } from './plugin-activator';
import { messageOf } from './plugin-activator';
import { validateManifest } from './plugin-manifest-validator';
import { validatePluginSettings } from './plugin-settings-validator';

export type PluginFolderCheck =
  | { ok: true; id: string; kind: PluginKind | `${PluginKind}`; version: string; meters: readonly MeterDefinition[] }
  | { ok: false; reason: string };

/**
 * What a plugin author runs before shipping (`wap-billing plugins validate <dir>`): the same
 * manifest, API-version, settings-default and activation checks the registry makes at start.
 */
export async function checkPluginFolder(folder: string, activator: PluginActivator): Promise<PluginFolderCheck> {
  const manifestPath = path.join(path.resolve(folder), 'plugin.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(manifestPath, 'utf8'));
  } catch (error) {
    return { ok: false, reason: `plugin.json is not readable JSON: ${messageOf(error)}` };
  }
  const check = validateManifest(raw);
  if (!check.ok) return check;
  const { manifest } = check;
  const settings = validatePluginSettings(manifest.settingsSchema, {});
  if (!settings.ok) return { ok: false, reason: `the default settings do not satisfy settingsSchema: ${settings.reason}` };
  try {
    const { activated } = await activator.activate(manifest, manifestPath, settings.settings);
    const meters = activated.kind === PluginKind.Meter ? activated.plugin.meters() : [];
    return { ok: true, id: manifest.id, kind: manifest.kind, version: manifest.version, meters };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}
