import { Type, type Static } from '@sinclair/typebox';
import { Guid, KeyValue, Nullable } from './schema-kit';

/** CONTRACT §4: a plan's quota pushed to its subscriptions; add-on lists apply over the base in order. */
export const QuotaUpdateBatch = Type.Object(
  {
    BaseQuota: Type.Optional(Type.Union([Type.Array(KeyValue), Type.Null()])),
    AddOnQuotas: Type.Optional(Type.Union([Type.Array(Type.Array(KeyValue)), Type.Null()])),
    SubscriptionIdsToUpdate: Type.Array(Guid()),
  },
  { title: 'QuotaUpdateBatch', additionalProperties: true },
);
export type QuotaUpdateBatch = Static<typeof QuotaUpdateBatch>;

export const WapError = Type.Object(
  {
    Code: Type.String(),
    Message: Type.String(),
    ExtendedCode: Type.Optional(Type.String()),
    MessageTemplate: Type.Optional(Type.String()),
    Parameters: Type.Optional(Type.Array(Type.String())),
    InnerErrors: Type.Optional(Type.Array(Type.Unknown())),
  },
  { title: 'Error' },
);

export const QuotaUpdateResultBatch = Type.Object(
  {
    UpdatedSubscriptionIds: Type.Array(Type.String()),
    FailedSubscriptionIds: Type.Array(Type.String()),
    Error: Nullable(WapError),
  },
  { title: 'QuotaUpdateResultBatch' },
);
export type QuotaUpdateResultBatch = Static<typeof QuotaUpdateResultBatch>;

/** `GET /defaultquota`: the settings a plan starts with. */
export const DefaultQuota = Type.Array(KeyValue, { title: 'DefaultQuota' });
