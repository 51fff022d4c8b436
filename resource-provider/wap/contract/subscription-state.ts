import type { SubscriptionState } from '../../../core/subscriptions/subscription';
import { RpSubscriptionState } from './subscription';
import { AdminSubscriptionState } from './usage-event';

/*
 * WAP numbers subscription states twice: the notification endpoint (§4) counts from Active = 0,
 * the Admin API (§7) from None = 0, Active = 1. Off by one is the easy mistake and it suspends the
 * wrong tenants, so each direction is spelled out.
 */

export function stateFromRp(state: RpSubscriptionState): Exclude<SubscriptionState, 'deleted'> {
  switch (state) {
    case RpSubscriptionState.Active:
      return 'active';
    case RpSubscriptionState.Suspended:
      return 'suspended';
    case RpSubscriptionState.DeletePending:
      return 'deleted-pending';
  }
}

/** A deleted subscription is never shown to WAP through the RP numbering; it reads as DeletePending. */
export function stateToRp(state: SubscriptionState): RpSubscriptionState {
  switch (state) {
    case 'active':
      return RpSubscriptionState.Active;
    case 'suspended':
      return RpSubscriptionState.Suspended;
    case 'deleted-pending':
    case 'deleted':
      return RpSubscriptionState.DeletePending;
  }
}

/** `None` is a subscription still being provisioned: not yet anything billing tracks. */
export function stateFromAdmin(state: AdminSubscriptionState): Exclude<SubscriptionState, 'deleted'> | undefined {
  switch (state) {
    case AdminSubscriptionState.None:
      return undefined;
    case AdminSubscriptionState.Active:
      return 'active';
    case AdminSubscriptionState.Suspended:
      return 'suspended';
    case AdminSubscriptionState.DeletePending:
      return 'deleted-pending';
  }
}

/** What `PATCH /subscriptions/{id}` sends as `Status`; the Admin API takes the names. */
export type AdminStatus = 'Active' | 'Suspended';
