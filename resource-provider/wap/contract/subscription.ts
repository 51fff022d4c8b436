import { Type, type Static } from '@sinclair/typebox';
import { Guid, IntegerEnum, KeyValue, NullableString } from './schema-kit';

/** CONTRACT §4: the numbering a resource provider sees. NOT the Admin API's (see `AdminSubscriptionState`). */
export enum RpSubscriptionState {
  Active = 0,
  Suspended = 1,
  DeletePending = 2,
}

export enum RpLifecycleState {
  Provisioned = 0,
  Provisioning = 1,
  Updating = 2,
  Deleting = 3,
  Deleted = 4,
  OutOfSync = 5,
}

const state = IntegerEnum<RpSubscriptionState>({ 0: 'Active', 1: 'Suspended', 2: 'DeletePending' });
const lifecycleState = IntegerEnum<RpLifecycleState>({ 0: 'Provisioned', 1: 'Provisioning', 2: 'Updating', 3: 'Deleting', 4: 'Deleted', 5: 'OutOfSync' });

const fields = {
  SubscriptionId: Guid(),
  SubscriptionName: Type.Optional(NullableString()),
  State: state,
  LifecycleState: Type.Optional(lifecycleState),
  LastErrorMessage: Type.Optional(NullableString()),
  QuotaSettings: Type.Optional(Type.Union([Type.Array(KeyValue), Type.Null()])),
  AdminId: Type.Optional(NullableString()),
  // The samples send CoAdminIds, the docs name it CoAdmins: both are accepted.
  CoAdminIds: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
  CoAdmins: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
};

/** The `Subscription` WAP sends to the notification endpoint on a state change or deletion. */
export const RpSubscription = Type.Object(fields, { title: 'Subscription', additionalProperties: true });
export type RpSubscription = Static<typeof RpSubscription>;

/** On creation the account admin is required: it names who is billed. */
export const RpSubscriptionCreate = Type.Object(
  { ...fields, AdminId: Type.String({ minLength: 1 }) },
  { title: 'SubscriptionCreate', additionalProperties: true },
);
export type RpSubscriptionCreate = Static<typeof RpSubscriptionCreate>;
