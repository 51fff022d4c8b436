import type { SubscriptionAddOn } from './catalogue';
import { field, isNewer, lastEventOf, type CatalogueEvent } from './catalogue-event';
import type { CataloguePageKeys, CatalogueUnit } from './catalogue-store';

/**
 * A `subscriptionAddons` event opens (POST, PUT) or closes (DELETE) one add-on instance's validity
 * interval at the event's time. The earliest add and the earliest removal win, whatever order the
 * events are collected in, so a late or repeated event cannot stretch or shorten what was held.
 */
export async function applySubscriptionAddOnEvent(unit: CatalogueUnit, event: CatalogueEvent): Promise<void> {
  const subscriptionId = holderOf(event);
  const instanceId = field(event.entity, 'AddOnInstanceId')?.trim().toLowerCase();
  if (!subscriptionId || !instanceId) return;
  const existing = await unit.findSubscriptionAddOn(subscriptionId, instanceId);
  const newer = isNewer(event, existing?.lastEvent);
  const addOnId = field(event.entity, 'AddOnId') ?? null;
  const knownAddOn = newer && addOnId ? addOnId : (existing?.addOnId ?? addOnId);
  if (!knownAddOn) return;
  const opens = event.method === 'POST' || event.method === 'PUT';
  const holding: SubscriptionAddOn = {
    subscriptionId,
    instanceId,
    addOnId: knownAddOn,
    addedAt: opens ? earliest(existing?.addedAt ?? null, event.at) : (existing?.addedAt ?? null),
    removedAt: event.method === 'DELETE' ? earliest(existing?.removedAt ?? null, event.at) : (existing?.removedAt ?? null),
    lastEvent: newer ? lastEventOf(event) : existing!.lastEvent,
  };
  await unit.saveSubscriptionAddOn(holding);
}

/** The subscriptions whose add-on instances a page of `subscriptionAddons` events changes. */
export function subscriptionAddOnPageKeys(events: readonly CatalogueEvent[]): CataloguePageKeys {
  return { subscriptionAddOns: events.map(holderOf).filter((id): id is string => !!id) };
}

function holderOf(event: CatalogueEvent): string | undefined {
  return (field(event.entity, 'SubscriptionId') ?? event.parentId)?.trim().toLowerCase();
}

function earliest(current: Date | null, at: Date): Date {
  return current && current.getTime() <= at.getTime() ? current : at;
}
