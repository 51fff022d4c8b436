import { Type, type Static } from '@sinclair/typebox';
import { Guid, IntegerEnum, NullableString } from './schema-kit';

/** CONTRACT §6. */
export enum UsageEventState {
  Acknowledged = 0,
  Rejected = 1,
  PendingApproval = 2,
  Approved = 3,
}

/** CONTRACT §7's numbering, used by the Admin API and by a subscription event's `Entity`. */
export enum AdminSubscriptionState {
  None = 0,
  Active = 1,
  Suspended = 2,
  DeletePending = 3,
}

export const UsageEventMethod = Type.Unsafe<'POST' | 'PUT' | 'PATCH' | 'DELETE'>({ type: 'string', enum: ['POST', 'PUT', 'PATCH', 'DELETE'] });

/** A .NET long: a JSON integer, or a string of digits from clients that keep longs exact. */
const EventId = Type.Unsafe<number | string>({ type: ['integer', 'string'], minimum: 0, pattern: '^[0-9]{1,19}$', description: 'a whole number' });

export const UsageEvent = Type.Object(
  {
    EventId,
    State: Type.Optional(IntegerEnum<UsageEventState>({ 0: 'Acknowledged', 1: 'Rejected', 2: 'PendingApproval', 3: 'Approved' })),
    Method: UsageEventMethod,
    Entity: Type.Object({}, { additionalProperties: true }),
    EntityParentId: Type.Optional(NullableString()),
    NotificationEventTimeCreated: Type.Optional(NullableString()),
  },
  { title: 'UsageEvent', additionalProperties: true },
);
export type UsageEvent = Static<typeof UsageEvent>;

/**
 * The `Entity` of a subscription event: the Admin API's subscription. The docs' sample spells the
 * id `SubscriptionID`, other .NET types `SubscriptionId`; either is accepted.
 */
export const SubscriptionEventEntity = Type.Object(
  {
    SubscriptionID: Type.Optional(Guid()),
    SubscriptionId: Type.Optional(Guid()),
    SubscriptionName: Type.Optional(NullableString()),
    AccountAdminLiveEmailId: Type.Optional(NullableString()),
    PlanId: Type.Optional(NullableString()),
    State: Type.Optional(IntegerEnum<AdminSubscriptionState>({ 0: 'None', 1: 'Active', 2: 'Suspended', 3: 'DeletePending' })),
  },
  { title: 'SubscriptionEventEntity', additionalProperties: true },
);
export type SubscriptionEventEntity = Static<typeof SubscriptionEventEntity>;

export const SubscriptionAddOnEventEntity = Type.Object(
  {
    SubscriptionID: Type.Optional(Guid()),
    SubscriptionId: Type.Optional(Guid()),
    AddOnId: Type.Optional(NullableString()),
    AddOnInstanceId: Type.Optional(NullableString()),
  },
  { title: 'SubscriptionAddOnEventEntity', additionalProperties: true },
);
export type SubscriptionAddOnEventEntity = Static<typeof SubscriptionAddOnEventEntity>;
