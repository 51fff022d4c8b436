import Ajv from 'ajv';
import * as semver from 'semver';
import { PLUGIN_API_VERSION, PluginKind, type PluginManifest } from '../plugin-api';
import { settingsSchemaProblem } from './plugin-settings-validator';

const manifestSchema = {
  type: 'object',
  required: ['id', 'kind', 'version', 'apiVersion', 'main', 'displayName', 'settingsSchema'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,99}$' },
    kind: { enum: Object.values(PluginKind) },
    version: { type: 'string' },
    apiVersion: { type: 'string' },
    main: { type: 'string', minLength: 1 },
    displayName: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    settingsSchema: { type: 'object' },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const checkShape = ajv.compile(manifestSchema);

export type ManifestCheck = { ok: true; manifest: PluginManifest } | { ok: false; reason: string };

/**
 * Checks a parsed plugin.json: required fields and their forms, a semver `version`, an
 * `apiVersion` range that this core's plugin API satisfies, and a settings schema that compiles.
 */
export function validateManifest(candidate: unknown): ManifestCheck {
  if (!checkShape(candidate)) {
    const reason = (checkShape.errors ?? [])
      .map((e) => `${e.instancePath.replace(/^\//, '') || 'manifest'} ${e.message}`)
      .join('; ');
    return { ok: false, reason: `invalid plugin.json: ${reason}` };
  }
  const manifest = candidate as PluginManifest;
  if (!semver.valid(manifest.version)) {
    return { ok: false, reason: `invalid plugin.json: version '${manifest.version}' is not semver` };
  }
  if (!semver.validRange(manifest.apiVersion)) {
    return { ok: false, reason: `invalid plugin.json: apiVersion '${manifest.apiVersion}' is not a semver range` };
  }
  if (!semver.satisfies(PLUGIN_API_VERSION, manifest.apiVersion)) {
    return {
      ok: false,
      reason: `incompatible plugin API: the plugin needs ${manifest.apiVersion}, this server provides ${PLUGIN_API_VERSION}`,
    };
  }
  const problem = settingsSchemaProblem(manifest.settingsSchema);
  if (problem !== undefined) return { ok: false, reason: `invalid plugin.json: settingsSchema does not compile: ${problem}` };
  return { ok: true, manifest };
}
