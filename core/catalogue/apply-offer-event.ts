import type { Offer, PlanAddOnLink, PlanServiceLink } from './catalogue';
import { field, isNewer, lastEventOf, numberField, type CatalogueEvent } from './catalogue-event';
import type { CataloguePageKeys, CatalogueUnit } from './catalogue-store';

/**
 * Merges a property: a newer event sets what it carries; an older one (collected late) only fills
 * what is still unknown, so it can never undo a later change.
 */
export function merged<T>(incoming: T | undefined, current: T | null, newer: boolean): T | null {
  if (incoming === undefined) return current;
  return newer || current === null ? incoming : current;
}

/** A `plans` or `addons` event. */
export async function applyOfferEvent(unit: CatalogueUnit, kind: 'plan' | 'addOn', event: CatalogueEvent): Promise<void> {
  const id = offerIdOf(kind, event);
  if (!id) return;
  const existing = kind === 'plan' ? await unit.findPlan(id) : await unit.findAddOn(id);
  const offer = mergeOffer(id, existing, event);
  await (kind === 'plan' ? unit.savePlan(offer) : unit.saveAddOn(offer));
}

/** The plans or add-ons a page of `plans` or `addons` events is about. */
export function offerPageKeys(kind: 'plan' | 'addOn', events: readonly CatalogueEvent[]): CataloguePageKeys {
  const ids = events.map((event) => offerIdOf(kind, event)).filter((id): id is string => !!id);
  return kind === 'plan' ? { plans: ids } : { addOns: ids };
}

function offerIdOf(kind: 'plan' | 'addOn', event: CatalogueEvent): string | null | undefined {
  return field(event.entity, 'Id') ?? (kind === 'plan' ? event.parentId : null);
}

export function mergeOffer(id: string, existing: Offer | undefined, event: CatalogueEvent): Offer {
  const newer = isNewer(event, existing?.lastEvent);
  let deletedAt = existing?.deletedAt ?? null;
  if (newer && event.method === 'DELETE') deletedAt = event.at;
  // A POST after a DELETE re-creates the offer under the same id.
  if (newer && event.method === 'POST') deletedAt = null;
  return {
    id,
    displayName: merged(field(event.entity, 'DisplayName'), existing?.displayName ?? null, newer),
    state: merged(numberField(event.entity, 'State'), existing?.state ?? null, newer),
    deletedAt,
    lastEvent: newer ? lastEventOf(event) : existing!.lastEvent,
  };
}

/** A `planServices` event: the link's lifetime follows POST/PUT/PATCH (present) and DELETE (removed). */
export async function applyPlanServiceEvent(unit: CatalogueUnit, event: CatalogueEvent): Promise<void> {
  const planId = linkPlanIdOf(event);
  const instanceId = field(event.entity, 'ServiceInstanceId') ?? field(event.entity, 'ServiceName');
  if (!planId || !instanceId) return;
  const existing = await unit.findPlanService(planId, instanceId);
  const newer = isNewer(event, existing?.lastEvent);
  const link: PlanServiceLink = {
    planId,
    serviceInstanceId: instanceId,
    serviceName: merged(field(event.entity, 'ServiceName'), existing?.serviceName ?? null, newer),
    serviceDisplayName: merged(field(event.entity, 'ServiceDisplayName'), existing?.serviceDisplayName ?? null, newer),
    removedAt: linkRemovedAt(existing?.removedAt ?? null, event, newer),
    lastEvent: newer ? lastEventOf(event) : existing!.lastEvent,
  };
  await unit.savePlanService(link);
}

/** A `planAddons` event. */
export async function applyPlanAddOnEvent(unit: CatalogueUnit, event: CatalogueEvent): Promise<void> {
  const planId = linkPlanIdOf(event);
  const addOnId = field(event.entity, 'AddOnId');
  if (!planId || !addOnId) return;
  const existing = await unit.findPlanAddOn(planId, addOnId);
  const newer = isNewer(event, existing?.lastEvent);
  const link: PlanAddOnLink = {
    planId,
    addOnId,
    removedAt: linkRemovedAt(existing?.removedAt ?? null, event, newer),
    lastEvent: newer ? lastEventOf(event) : existing!.lastEvent,
  };
  await unit.savePlanAddOn(link);
}

/** The plans whose links a page of `planServices` or `planAddons` events changes. */
export function planLinkPageKeys(links: 'planServices' | 'planAddOns', events: readonly CatalogueEvent[]): CataloguePageKeys {
  return { [links]: events.map(linkPlanIdOf).filter((id): id is string => !!id) };
}

function linkPlanIdOf(event: CatalogueEvent): string | null | undefined {
  return field(event.entity, 'PlanId') ?? event.parentId;
}

function linkRemovedAt(current: Date | null, event: CatalogueEvent, newer: boolean): Date | null {
  if (!newer) return current;
  if (event.method === 'DELETE') return event.at;
  return event.method === 'POST' ? null : current;
}
