import { Type, type Static } from '@sinclair/typebox';
import { IntegerEnum, KeyValue, NullableString } from './schema-kit';
import { AdminSubscriptionState } from './usage-event';

/** CONTRACT §2: 0 None, 1 Basic, 2 Windows. */
export enum AuthenticationMode {
  None = 0,
  Basic = 1,
  Windows = 2,
}

export const ResourceProviderEndpoint = Type.Object(
  {
    ForwardingAddress: Type.String({ minLength: 1 }),
    AuthenticationMode: Type.Optional(IntegerEnum<AuthenticationMode>({ 0: 'None', 1: 'Basic', 2: 'Windows' })),
    AuthenticationUsername: Type.Optional(NullableString()),
    AuthenticationPassword: Type.Optional(NullableString()),
    SourceUriTemplate: Type.Optional(Type.String()),
    TargetUriTemplate: Type.Optional(Type.String()),
  },
  { title: 'ResourceProviderEndpoint', additionalProperties: true },
);
export type ResourceProviderEndpoint = Static<typeof ResourceProviderEndpoint>;

const endpoint = Type.Optional(Type.Union([ResourceProviderEndpoint, Type.Null()]));

export const ResourceProvider = Type.Object(
  {
    Name: Type.String({ pattern: '^[A-Za-z0-9]+$' }),
    DisplayName: Type.Optional(Type.String()),
    Description: Type.Optional(Type.String()),
    Enabled: Type.Optional(Type.Boolean()),
    PassThroughEnabled: Type.Optional(Type.Boolean()),
    AllowAnonymousAccess: Type.Optional(Type.Boolean()),
    AllowMultipleInstances: Type.Optional(Type.Boolean()),
    AdminEndpoint: endpoint,
    TenantEndpoint: endpoint,
    UsageEndpoint: endpoint,
    HealthCheckEndpoint: endpoint,
    NotificationEndpoint: endpoint,
    InstanceId: Type.Optional(Type.String()),
    InstanceDisplayName: Type.Optional(Type.String()),
    MaxQuotaUpdateBatchSize: Type.Optional(Type.Integer()),
    SubscriptionStatusPollingInterval: Type.Optional(Type.String({ description: '.NET TimeSpan, e.g. 00:05:00' })),
    Type: Type.Optional(IntegerEnum<0 | 1 | 2>({ 0: 'Standard', 1: 'UsageProvider', 2: 'CloudServiceProvider' })),
    Settings: Type.Optional(Type.Array(KeyValue)),
  },
  { title: 'ResourceProvider', additionalProperties: true },
);
export type ResourceProvider = Static<typeof ResourceProvider>;

export const VerificationTest = Type.Object({ TestUri: Type.String(), IsAdmin: Type.Boolean() });
export const ResourceProviderVerification = Type.Object(
  { ResourceProvider, Tests: Type.Array(VerificationTest) },
  { title: 'ResourceProviderVerification' },
);
export type ResourceProviderVerification = Static<typeof ResourceProviderVerification>;

export const VerificationResult = Type.Object(
  {
    HasFailures: Type.Boolean(),
    DetailedResults: Type.Array(Type.Object({ TestUri: Type.String(), ResponseStatusCode: Type.Integer() }, { additionalProperties: true })),
  },
  { title: 'VerificationResult', additionalProperties: true },
);
export type VerificationResult = Static<typeof VerificationResult>;

/** The Admin API's subscription (its `State` uses §7's numbering). */
export const AdminSubscription = Type.Object(
  {
    SubscriptionID: Type.String(),
    SubscriptionName: Type.Optional(NullableString()),
    AccountAdminLiveEmailId: Type.Optional(NullableString()),
    PlanId: Type.Optional(NullableString()),
    State: IntegerEnum<AdminSubscriptionState>({ 0: 'None', 1: 'Active', 2: 'Suspended', 3: 'DeletePending' }),
    LastErrorMessage: Type.Optional(NullableString()),
  },
  { title: 'AdminSubscription', additionalProperties: true },
);
export type AdminSubscription = Static<typeof AdminSubscription>;

export const Plan = Type.Object(
  { Id: Type.String(), DisplayName: Type.Optional(Type.String()), State: Type.Optional(Type.Integer()) },
  { title: 'Plan', additionalProperties: true },
);
export type Plan = Static<typeof Plan>;

/** `GET /subscriptions`, `/plans`: `{items, filteredTotalCount, totalCount}`. */
export const QueryResultOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object(
    { items: Type.Array(item), filteredTotalCount: Type.Optional(Type.Integer()), totalCount: Type.Optional(Type.Integer()) },
    { additionalProperties: true },
  );

/** The Admin API's error body (CONTRACT §3): `{Code, Message, Details}`. */
export interface ManagementError {
  readonly Code?: string;
  readonly Message?: string;
  readonly Details?: readonly { Code?: string; Source?: string; Message?: string }[];
}
