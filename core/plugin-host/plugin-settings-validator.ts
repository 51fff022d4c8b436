import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
addFormats(ajv);

export type SettingsCheck = { ok: true; settings: Record<string, unknown> } | { ok: false; reason: string };

/** Validates an admin's settings against a plugin's schema, filling in the schema's defaults. */
export function validatePluginSettings(schema: object, settings: Record<string, unknown>): SettingsCheck {
  const check = ajv.compile(schema);
  const withDefaults = structuredClone(settings);
  if (check(withDefaults)) return { ok: true, settings: withDefaults };
  const reason = (check.errors ?? []).map((e) => `${e.instancePath.replace(/^\//, '') || 'settings'} ${e.message}`).join('; ');
  return { ok: false, reason: `invalid settings: ${reason}` };
}
