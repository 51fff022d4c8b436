import { Type, type Static } from '@sinclair/typebox';
import { Aggregation } from '../../plugin-api';

/** Lower-case words of letters and digits joined by dots or dashes: `mysql.allotted-space`. */
const ID_PATTERN = '^[a-z0-9]+([.-][a-z0-9]+)*$';
/** A plain decimal, no exponent, no sign: `1024`, `0.5`. Zero is refused by the validation, not here. */
const PLAIN_DECIMAL_PATTERN = '^[0-9]+(\\.[0-9]+)?$';
const SEMVER_PATTERN = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$';

const Text = Type.String({ minLength: 1 });

/** One meter of a declarative document: one `Resources` key of one WAP provider. */
export const DeclarativeMeterSchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERN }),
    displayName: Text,
    unit: Text,
    aggregation: Type.Unsafe<`${Aggregation}`>({ type: 'string', enum: Object.values(Aggregation) }),
    description: Type.Optional(Type.String()),
    /** WAP's `ProviderName` of the records this meter reads; compared without regard to case. */
    provider: Text,
    /** The key of the record's `Resources` whose value is the quantity. */
    resourceKey: Text,
    /** The value is multiplied by this (exact), then divided by `divisor`: MB → GB is `divisor: "1024"`. */
    multiplier: Type.Optional(Type.String({ pattern: PLAIN_DECIMAL_PATTERN })),
    divisor: Type.Optional(Type.String({ pattern: PLAIN_DECIMAL_PATTERN })),
    /** When set, only records of this `ServiceType` (without regard to case) are metered. */
    serviceType: Type.Optional(Text),
  },
  { additionalProperties: false },
);

/**
 * A `*.meter.json` document: an admin makes a WAP service billable without code by mapping its
 * `Resources` keys to meters. Example:
 * `{ "id": "servicebus", "displayName": "Service Bus", "version": "1.0.0", "meters": [{ "id":
 * "servicebus.messages", "displayName": "Messages", "unit": "message", "aggregation": "sum",
 * "provider": "servicebus", "resourceKey": "MessageCount" }] }`
 */
export const DeclarativeMeterDocumentSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    /** The plugin id the meters are registered under. */
    id: Type.String({ pattern: ID_PATTERN }),
    displayName: Text,
    version: Type.String({ pattern: SEMVER_PATTERN }),
    description: Type.Optional(Type.String()),
    meters: Type.Array(DeclarativeMeterSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type DeclarativeMeter = Static<typeof DeclarativeMeterSchema>;
export type DeclarativeMeterDocument = Static<typeof DeclarativeMeterDocumentSchema>;
