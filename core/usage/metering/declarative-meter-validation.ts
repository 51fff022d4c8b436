import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDecimal } from '../../money/decimal';
import { DeclarativeMeterDocumentSchema, type DeclarativeMeterDocument } from './declarative-meter-schema';

/** One problem in a declarative meter document, for the admin who wrote it. */
export interface DeclarativeMeterError {
  /** The field, as the admin would point at it: `meters[1].divisor`; `(document)` for the whole. */
  readonly path: string;
  readonly message: string;
}

export type DeclarativeMeterValidation =
  | { readonly ok: true; readonly value: DeclarativeMeterDocument }
  | { readonly ok: false; readonly errors: readonly DeclarativeMeterError[] };

/** What a field must look like when its pattern fails; ajv would only print the regular expression. */
const PATTERN_HINTS: Record<string, string> = {
  id: 'must be lower-case letters and digits joined by dots or dashes, e.g. "mysql.allotted-space"',
  version: 'must be a semantic version such as "1.0.0"',
  multiplier: 'must be a decimal string above zero, without sign or exponent, e.g. "1024" or "0.5"',
  divisor: 'must be a decimal string above zero, without sign or exponent, e.g. "1024" or "0.5"',
};

let compiled: ValidateFunction | undefined;

/**
 * Checks parsed JSON against the declarative meter schema, then the rules a schema cannot say
 * (meter ids unique in the document, no zero multiplier or divisor). Every problem is reported,
 * each naming its field, so that an admin fixes a file in one pass.
 */
export function validateDeclarativeMeters(document: unknown): DeclarativeMeterValidation {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(DeclarativeMeterDocumentSchema);
  if (!compiled(document)) {
    return { ok: false, errors: (compiled.errors ?? []).map(toMeterError) };
  }
  const value = document as DeclarativeMeterDocument;
  const errors: DeclarativeMeterError[] = [];
  const seen = new Set<string>();
  value.meters.forEach((meter, index) => {
    if (seen.has(meter.id)) errors.push({ path: `meters[${index}].id`, message: `repeats the meter id "${meter.id}"` });
    seen.add(meter.id);
    for (const field of ['multiplier', 'divisor'] as const) {
      const text = meter[field];
      if (text !== undefined && parseDecimal(text)?.isZero()) {
        errors.push({ path: `meters[${index}].${field}`, message: PATTERN_HINTS[field] });
      }
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

function toMeterError(error: ErrorObject): DeclarativeMeterError {
  const at = error.instancePath.split('/').slice(1).reduce(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
    '',
  );
  const child = (name: string) => (at ? `${at}.${name}` : name);
  const field = at.replace(/^.*[.\]]/, '') || at;
  switch (error.keyword) {
    case 'required':
      return { path: child(String(error.params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: child(String(error.params.additionalProperty)), message: 'is not a field of a declarative meter document' };
    case 'enum':
      return { path: at, message: `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      return { path: at, message: PATTERN_HINTS[field] ?? `must match ${String(error.params.pattern)}` };
    case 'minLength':
      return { path: at, message: 'must not be empty' };
    case 'minItems':
      return { path: at, message: 'must list at least one meter' };
    case 'type':
      return { path: at || '(document)', message: `must be ${/^[aeiou]/.test(String(error.params.type)) ? 'an' : 'a'} ${String(error.params.type)}` };
    default:
      return { path: at || '(document)', message: error.message ?? 'is not valid' };
  }
}
