import { Type, type SchemaOptions, type TObject, type TUnsafe } from '@sinclair/typebox';

/*
 * Pieces of the request bodies of the promotion and credit routes. No `format` keywords: the
 * validator runs without ajv-formats, so an instant is checked by pattern and then by parsing.
 */

/** Money and percentages travel as strings: a JSON number may already have lost digits in the caller's parser. */
export const PositiveDecimalString = (description: string) => Type.String({ pattern: '^\\d+(\\.\\d+)?$', description });

export const InstantString = (options: SchemaOptions = {}) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', description: 'an ISO 8601 instant with its zone, e.g. 2025-03-01T00:00:00Z', ...options });

/** One JSON-schema `enum`, so that a wrong value is reported once with the allowed ones (a union of literals reports each). */
export function StringEnum<T extends string>(values: readonly T[], options: SchemaOptions = {}): TUnsafe<T> {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

/** Variants of a union, each an object told apart by its `kind`. */
export type KindedVariants = Readonly<Record<string, TObject>>;

/** How a kinded union is documented: the plain union of its variants. */
export function kindedUnion(variants: KindedVariants, options: SchemaOptions = {}) {
  return Type.Union(Object.values(variants), options);
}

/** Where a kinded union sits in a body before its variant is checked (see `validKinded`). */
export const KindedPlaceholder = Type.Object({}, { additionalProperties: true });
