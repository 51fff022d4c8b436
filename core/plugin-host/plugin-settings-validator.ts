import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
addFormats(ajv);

export type SettingsCheck = { ok: true; settings: Record<string, unknown> } | { ok: false; reason: string };

/** Validates an admin's settings against a plugin's schema, filling in the schema's defaults. */
export function validatePluginSettings(schema: object, settings: Record<string, unknown>): SettingsCheck {
  const check = compiled(schema);
  if (typeof check === 'string') return { ok: false, reason: `invalid settings schema: ${check}` };
  const withDefaults = structuredClone(settings);
  if (check(withDefaults)) return { ok: true, settings: withDefaults };
  const reason = (check.errors ?? []).map((e) => `${e.instancePath.replace(/^\//, '') || 'settings'} ${e.message}`).join('; ');
  return { ok: false, reason: `invalid settings: ${reason}` };
}

/** Why a plugin's settings schema does not compile; undefined when it does. */
export function settingsSchemaProblem(schema: object): string | undefined {
  const check = compiled(schema);
  return typeof check === 'string' ? check : undefined;
}

/**
 * Each schema compiled once, by its JSON: Ajv keeps every schema object it is given for good, and
 * the registry reads each plugin.json anew at every rescan (before every collection), so compiling
 * what it read each time grew the heap by some 25 KB a rescan, without end.
 */
const compiledSchemas = new Map<string, ValidateFunction | string>();

function compiled(schema: object): ValidateFunction | string {
  const key = JSON.stringify(schema);
  let check = compiledSchemas.get(key);
  if (check === undefined) {
    try {
      check = ajv.compile(schema);
    } catch (error) {
      check = (error as Error).message;
      // What a failed compile left behind is not kept either.
      ajv.removeSchema(schema);
    }
    compiledSchemas.set(key, check);
  }
  return check;
}
