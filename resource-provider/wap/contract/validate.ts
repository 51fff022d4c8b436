import type { TSchema, Static } from '@sinclair/typebox';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { HttpError } from '../../http/wap-error';

// No coercion: WAP sends typed JSON, and "7" where 7 belongs is a caller's bug worth a 400.
const ajv = new Ajv({ allErrors: false, coerceTypes: false, useDefaults: false, strict: false, verbose: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Checks `body` against a contract schema; a failure is a 400 whose message names the field. */
export function validBody<S extends TSchema>(schema: S, body: unknown, rootName = String(schema.title ?? 'body')): Static<S> {
  const problem = schemaProblem(schema, body, rootName);
  if (problem !== undefined) throw new HttpError(400, 'BadRequest', problem);
  return body as Static<S>;
}

/** Why `value` does not fit `schema`, naming the field; undefined when it fits. */
export function schemaProblem(schema: TSchema, value: unknown, rootName = String(schema.title ?? 'value')): string | undefined {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(value) ? undefined : describe(validate.errors?.[0], rootName);
}

/** `/QuotaSettings/0/Key` → `Subscription.QuotaSettings[0].Key`, then what is wrong with it. */
function describe(error: ErrorObject | undefined, rootName: string): string {
  if (!error) return `${rootName} is not valid`;
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let field = rootName + segments.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
  const schema = (error.parentSchema ?? {}) as { enum?: unknown[]; description?: string };
  switch (error.keyword) {
    case 'required':
      return `${field}.${(error.params as { missingProperty: string }).missingProperty} is required`;
    case 'enum':
      return `${field} must be one of ${schema.description ?? schema.enum?.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(error.data)}`;
    case 'type':
      return `${field} must be of type ${[(error.params as { type: string | string[] }).type].flat().join(' or ')}; got ${jsonType(error.data)}`;
    case 'pattern':
      return `${field} must be ${schema.description ?? `like ${(error.params as { pattern: string }).pattern}`}; got ${JSON.stringify(error.data)}`;
    default:
      if (segments.length === 0 && error.keyword === 'anyOf') field = rootName;
      return `${field} ${error.message ?? 'is not valid'}`;
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
