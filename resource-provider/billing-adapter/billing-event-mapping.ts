import type { BillingEntity, BillingEvent } from '../../core/signup/billing-decision';
import { HttpError } from '../http/wap-error';
import { SubscriptionAddOnEventEntity, SubscriptionEventEntity, UsageEvent } from '../wap/contract/usage-event';
import { validBody } from '../wap/contract/validate';

/** A `UsageEvent` about a subscription (`/subscriptions`) in domain terms; 400 names the first wrong field. */
export function subscriptionEventOf(raw: unknown): BillingEvent {
  const event = validBody(UsageEvent, raw, 'UsageEvent');
  const entity = validBody(SubscriptionEventEntity, event.Entity, 'UsageEvent.Entity');
  return {
    eventId: String(event.EventId),
    entity: 'subscription',
    method: event.Method,
    subscriptionId: subscriptionIdOf(entity, 'subscription'),
    accountAdmin: entity.AccountAdminLiveEmailId ?? null,
    planId: entity.PlanId ?? event.EntityParentId ?? null,
  };
}

/** A `UsageEvent` about a subscription's add-on (`/subscriptionAddons`); its parent is the subscription. */
export function subscriptionAddOnEventOf(raw: unknown): BillingEvent {
  const event = validBody(UsageEvent, raw, 'UsageEvent');
  const entity = validBody(SubscriptionAddOnEventEntity, event.Entity, 'UsageEvent.Entity');
  return {
    eventId: String(event.EventId),
    entity: 'subscription-addon',
    method: event.Method,
    subscriptionId: subscriptionIdOf(entity, 'subscription-addon', event.EntityParentId),
    accountAdmin: null,
    planId: null,
  };
}

/** The docs spell it `SubscriptionID`, other types `SubscriptionId`: either, but not two different ids. */
function subscriptionIdOf(entity: { SubscriptionID?: string; SubscriptionId?: string }, kind: BillingEntity, parentId?: string | null): string {
  const { SubscriptionID: upper, SubscriptionId: lower } = entity;
  if (upper && lower && upper.toLowerCase() !== lower.toLowerCase()) {
    throw new HttpError(400, 'BadRequest', 'UsageEvent.Entity.SubscriptionID and UsageEvent.Entity.SubscriptionId name different subscriptions');
  }
  const id = upper ?? lower ?? (kind === 'subscription-addon' ? parentId : undefined);
  if (!id) throw new HttpError(400, 'BadRequest', 'UsageEvent.Entity.SubscriptionID is required');
  return id;
}
