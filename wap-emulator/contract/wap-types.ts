/**
 * WAP's wire shapes as the contract (shared/wap/CONTRACT.md) describes them. PascalCase and integer
 * enums on purpose: WAP is a .NET system and the resource provider must meet it exactly.
 */

/** Section 2: 0 None, 1 Basic, 2 Windows. Sources also show the names, so both are accepted. */
export type AuthenticationMode = 0 | 1 | 2 | 'None' | 'Basic' | 'Windows';

export interface ResourceProviderEndpoint {
  ForwardingAddress: string;
  AuthenticationMode?: AuthenticationMode;
  AuthenticationUsername?: string | null;
  AuthenticationPassword?: string | null;
  SourceUriTemplate?: string;
  TargetUriTemplate?: string;
}

export interface KeyValue { Key: string; Value: string }

export interface ResourceProvider {
  Name: string;
  DisplayName?: string;
  Description?: string;
  Enabled?: boolean;
  PassThroughEnabled?: boolean;
  AllowAnonymousAccess?: boolean;
  AllowMultipleInstances?: boolean;
  AdminEndpoint?: ResourceProviderEndpoint | null;
  TenantEndpoint?: ResourceProviderEndpoint | null;
  UsageEndpoint?: ResourceProviderEndpoint | null;
  HealthCheckEndpoint?: ResourceProviderEndpoint | null;
  NotificationEndpoint?: ResourceProviderEndpoint | null;
  InstanceId?: string;
  InstanceDisplayName?: string;
  MaxQuotaUpdateBatchSize?: number;
  SubscriptionStatusPollingInterval?: string;
  /** 0 Standard, 1 UsageProvider, 2 CloudServiceProvider. */
  Type?: 0 | 1 | 2;
  Settings?: KeyValue[];
}

/** Section 4 numbering, seen by a resource provider: 0 Active, 1 Suspended, 2 DeletePending. */
export enum RpSubscriptionState { Active = 0, Suspended = 1, DeletePending = 2 }

export enum RpLifecycleState { Provisioned = 0, Provisioning = 1, Updating = 2, Deleting = 3, Deleted = 4, OutOfSync = 5 }

/** The `Subscription` body WAP posts to a resource provider's notification endpoint. */
export interface RpSubscription {
  SubscriptionId: string;
  SubscriptionName: string;
  State: RpSubscriptionState;
  LifecycleState: RpLifecycleState;
  LastErrorMessage: string | null;
  QuotaSettings: KeyValue[];
  AdminId: string;
  CoAdminIds: string[];
}

/** Section 7 numbering, seen on the Admin API: NOT the resource provider's numbering. */
export enum AdminSubscriptionState { None = 0, Active = 1, Suspended = 2, DeletePending = 3 }

/** Emulator choice for the sync-state fields the contract names without values. */
export enum SyncState { InSync = 0, Syncing = 1, OutOfSync = 2 }

export interface AddOnReference { AddOnId: string; AddOnInstanceId: string }

/** The Admin API's subscription, also the `Entity` of a subscription's billing event. */
export interface AdminSubscription {
  SubscriptionID: string;
  SubscriptionName: string;
  AccountAdminLiveEmailId: string;
  ServiceAdminLiveEmailId: string | null;
  CoAdminNames: string[];
  AddOnReferences: AddOnReference[];
  AddOns: AddOn[];
  State: AdminSubscriptionState;
  QuotaSyncState: SyncState;
  ActivationSyncState: SyncState;
  PlanId: string;
  Services: PlanService[];
  LastErrorMessage: string | null;
  Features: string[] | null;
  OfferFriendlyName: string | null;
  OfferCategory: string | null;
  Created: string;
}

/** Emulator choice: the contract names no plan-state values. 0 Public, 1 Private, 2 Decommissioned. */
export enum PlanState { Public = 0, Private = 1, Decommissioned = 2 }

export interface PlanService { ServiceName: string; ServiceInstanceId: string; ServiceDisplayName: string }

export interface Plan {
  Id: string;
  DisplayName: string;
  State: PlanState;
  ServiceQuotas: PlanService[];
  AddOnIds: string[];
  SubscriptionCount: number;
  MaxSubscriptionsPerAccount: number;
}

export interface AddOn {
  Id: string;
  DisplayName: string;
  State: PlanState;
  ServiceQuotas: PlanService[];
}

export interface User {
  Name: string;
  Email: string;
  /** Emulator choice: 0 Active, 1 Suspended. */
  State: 0 | 1;
  SubscriptionIds: string[];
  CreatedTime: string;
}

/** Section 6: 0 Acknowledged, 1 Rejected, 2 PendingApproval, 3 Approved. */
export enum UsageEventState { Acknowledged = 0, Rejected = 1, PendingApproval = 2, Approved = 3 }

export type UsageEventMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UsageEvent<E = unknown> {
  EventId: number;
  State: UsageEventState;
  Method: UsageEventMethod;
  Entity: E;
  EntityParentId: string | null;
  NotificationEventTimeCreated: string;
}

export interface UsageRecord {
  EventId: number;
  ExternalRecordId: string;
  ResourceId: string | null;
  /** `YYYY-MM-DDTHH:mm:ss`, UTC, no zone designator. */
  StartTime: string;
  EndTime: string;
  ProviderName: string;
  ServiceType: string;
  SubscriptionId: string;
  Properties: Record<string, string> | null;
  /** Meter name → value; WAP sends every value as a string. */
  Resources: Record<string, string>;
}

/** `GET /subscriptions` and the other Admin API lists. */
export interface QueryResult<T> { items: T[]; filteredTotalCount: number; totalCount: number }

export interface SubscriptionAddOn { SubscriptionId: string; AddOnId: string; AddOnInstanceId: string }
export interface PlanServiceLink extends PlanService { PlanId: string }
export interface PlanAddOnLink { PlanId: string; AddOnId: string }
