import type { NotificationSubscriber } from '../contract/notification-subscriber';
import type { AddOn, AdminSubscription, Plan, ResourceProvider, User } from '../contract/wap-types';

/**
 * Everything the emulated WAP knows, in memory. Maps keyed case-insensitively where WAP compares
 * ids and names without case (GUIDs, user names), so `ABC…` and `abc…` find one subscription.
 */
export class AdminStore {
  readonly resourceProviders = new Map<string, ResourceProvider>();
  readonly users = new Map<string, User>();
  readonly plans = new Map<string, Plan>();
  readonly addOns = new Map<string, AddOn>();
  readonly subscriptions = new Map<string, AdminSubscription>();
  readonly notificationSubscribers = new Map<string, NotificationSubscriber>();
}

export function key(id: string): string {
  return id.toLowerCase();
}

export function providerKey(name: string, instanceId: string): string {
  return `${name.toLowerCase()}/${instanceId.toLowerCase()}`;
}
