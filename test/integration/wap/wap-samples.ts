import { GetSubscription } from '../../../core/subscriptions/get-subscription';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { wapHeaders } from '../../support/test-server';

export const SUB_A = '0a53e53d-1111-4c2e-9a1b-000000000001';
export const SUB_B = '0a53e53d-2222-4c2e-9a1b-000000000002';

/** CONTRACT §4's `Subscription`, as WAP posts it to the notification endpoint. */
export function rpSubscription(overrides: Record<string, unknown> = {}) {
  return {
    SubscriptionId: SUB_A,
    SubscriptionName: 'Gold',
    State: 0,
    LifecycleState: 1,
    LastErrorMessage: null,
    QuotaSettings: [{ Key: 'Billing.Tier', Value: 'gold' }],
    AdminId: 'tenant-a@example.com',
    CoAdminIds: [],
    ...overrides,
  };
}

/** CONTRACT §6's `UsageEvent` for a subscription, after the docs' example. */
export function subscriptionEvent(overrides: Record<string, unknown> = {}, entity: Record<string, unknown> = {}) {
  return {
    EventId: 6530,
    State: 2,
    Method: 'POST',
    Entity: {
      SubscriptionID: SUB_A,
      SubscriptionName: 'ExamplePlan',
      AccountAdminLiveEmailId: 'tenant-a@example.com',
      ServiceAdminLiveEmailId: null,
      CoAdminNames: [],
      AddOnReferences: [],
      AddOns: [],
      State: 0,
      QuotaSyncState: 0,
      ActivationSyncState: 0,
      PlanId: 'Examphlztfpgi',
      Services: [],
      LastErrorMessage: null,
      Features: null,
      OfferFriendlyName: null,
      OfferCategory: null,
      Created: '0001-01-01T00:00:00',
      ...entity,
    },
    EntityParentId: 'Examphlztfpgi',
    NotificationEventTimeCreated: '2013-09-25T00:37:41.88Z',
    ...overrides,
  };
}

export function addOnEvent(overrides: Record<string, unknown> = {}) {
  return {
    EventId: 7001,
    State: 2,
    Method: 'POST',
    Entity: { SubscriptionId: SUB_A, AddOnId: 'Extrastorage', AddOnInstanceId: 'b1c7a0aa-0000-4000-8000-000000000001' },
    EntityParentId: SUB_A,
    NotificationEventTimeCreated: '2013-09-25T00:40:00Z',
    ...overrides,
  };
}

/** One call as WAP makes it; `body` is sent as JSON unless it is already a string. */
export async function call(server: RunningServer, method: string, path: string, body?: unknown, headers: Record<string, string> = wapHeaders()) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}

/** What is stored, read through the core (deleted subscriptions included), to prove a refused call changed nothing. */
export async function stored(server: RunningServer, subscriptionId: string) {
  const result = await server.container.get(GetSubscription).get(subscriptionId, { includeDeleted: true });
  if (!result.ok) return undefined;
  const { subscription, quota, history } = result.value;
  return { ...subscription, quota, history: history.map((h) => `${h.state}@${h.source}`) };
}
