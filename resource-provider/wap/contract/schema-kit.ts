import { Type, type SchemaOptions, type TSchema, type TUnsafe } from '@sinclair/typebox';

/**
 * WAP writes .NET enums as integers. The schema lists the values with their names beside them
 * (`x-enum-varnames`, what OpenAPI generators read) so that an error and a document both say
 * "1 (Suspended)" rather than a bare 1.
 */
export function IntegerEnum<T extends number>(names: Record<T, string>, options: SchemaOptions = {}): TUnsafe<T> {
  const values = Object.keys(names).map(Number) as T[];
  return Type.Unsafe<T>({
    type: 'integer',
    enum: values,
    'x-enum-varnames': values.map((v) => names[v]),
    description: values.map((v) => `${v} ${names[v]}`).join(', '),
    ...options,
  });
}

/** A string that may be null, as one JSON-schema type (an anyOf would report two errors for one mistake). */
export function NullableString(options: SchemaOptions = {}): TUnsafe<string | null> {
  return Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
}

export function Nullable<T extends TSchema>(schema: T): TUnsafe<T['static'] | null> {
  return Type.Unsafe<T['static'] | null>({ anyOf: [schema, { type: 'null' }] });
}

/** WAP's ids are .NET GUIDs, compared without case. */
export const Guid = (options: SchemaOptions = {}) =>
  Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description: 'a GUID', ...options });

export const KeyValue = Type.Object({ Key: Type.String({ minLength: 1 }), Value: NullableString() }, { title: 'KeyValue' });
