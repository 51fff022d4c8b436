import type { Static } from '@sinclair/typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { StringEnum, type KindedVariants } from '../openapi/schemas/body-schemas';
import { validBody } from '../wap/contract/validate';
import { HttpError } from '../http/wap-error';

const kindSchemas = new WeakMap<KindedVariants, TSchema>();

/**
 * Checks a kinded union in two steps: `kind` first, then the variant it names. Checked as one
 * `anyOf`, a mistake in an amount variant would be reported against the first variant
 * ("kind must be 'percentage'"), not against the field the caller got wrong.
 */
export function validKinded<V extends KindedVariants>(variants: V, value: unknown, field: string): Static<V[keyof V]> {
  let kindOnly = kindSchemas.get(variants);
  if (!kindOnly) {
    kindOnly = Type.Object({ kind: StringEnum(Object.keys(variants)) });
    kindSchemas.set(variants, kindOnly);
  }
  const { kind } = validBody(kindOnly, value, field) as { kind: string };
  return validBody(variants[kind], value, field) as Static<V[keyof V]>;
}

/** A pattern-checked instant as a Date; a calendar impossibility (month 13) is still a 400 naming the field. */
export function instantOf(value: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new HttpError(400, 'BadRequest', `${field} is not a real instant; got ${JSON.stringify(value)}`);
  return date;
}
