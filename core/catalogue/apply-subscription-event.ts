import { accountIdOf } from '../accounts/account';
import { subscriptionIdOf, type SubscriptionState } from '../subscriptions/subscription';
import { BILLING_FEED_SOURCE } from './catalogue';
import { field, isNewer, lastEventOf, numberField, type CatalogueEvent } from './catalogue-event';
import type { CataloguePageKeys, CatalogueUnit, PendingSubscription } from './catalogue-store';
import { merged } from './apply-offer-event';

/**
 * The Admin API's numbering (CONTRACT §7), which a subscription entity carries: 0 None (just
 * created, already live for billing), 1 Active, 2 Suspended, 3 DeletePending. NOT the resource
 * provider's numbering of §4, which is off by one.
 */
const STATES: Readonly<Record<number, SubscriptionState>> = { 0: 'active', 1: 'active', 2: 'suspended', 3: 'deleted-pending' };

interface Told {
  readonly accountAdmin: string | undefined;
  readonly name: string | null | undefined;
  readonly planId: string | null | undefined;
  readonly state: SubscriptionState | undefined;
}

/**
 * A `subscriptions` event updates the same `subscriptions` row and state history the WAP
 * notifications write, through the subscription store's own write, with the event's time. The
 * state only moves forward in time: an event older than the newest history row (from either
 * source) leaves it alone. Deletion is final, as for notifications.
 */
export async function applySubscriptionEvent(unit: CatalogueUnit, event: CatalogueEvent): Promise<void> {
  const id = subscriptionIn(event);
  if (!id) return;
  const told: Told = {
    accountAdmin: ownerIn(event),
    name: field(event.entity, 'SubscriptionName'),
    planId: field(event.entity, 'PlanId'),
    state: event.method === 'DELETE' ? 'deleted' : STATES[numberField(event.entity, 'State') ?? -1],
  };
  const mark = await unit.findSubscriptionMark(id);
  const lastEvent = isNewer(event, mark?.lastEvent) ? lastEventOf(event) : mark!.lastEvent;
  const existing = await unit.findSubscription(id);
  if (!existing) {
    const pending = withEvent(mark?.pending ?? { states: [] }, told, event);
    if (pending.accountAdmin) await createFromPending(unit, id, pending);
    await unit.saveSubscriptionMark(id, { lastEvent, pending: pending.accountAdmin ? null : pending });
    return;
  }
  if (existing.state !== 'deleted') {
    const newer = isNewer(event, mark?.lastEvent);
    const lastChange = await unit.lastStateChangeAt(id);
    const stateMoves = newer && told.state !== undefined && (!lastChange || event.at.getTime() >= lastChange.getTime());
    const accountId = newer && told.accountAdmin ? accountIdOf(told.accountAdmin) : existing.accountId;
    // WAP is the authority on who owns a subscription; the feed is how we learn it changed.
    if (accountId !== existing.accountId) await unit.ensureAccount(accountId);
    await unit.saveSubscription({
      subscription: {
        id,
        accountId,
        planId: merged(told.planId, existing.planId, newer),
        name: merged(told.name, existing.name, newer),
        state: stateMoves ? told.state! : existing.state,
      },
      at: event.at,
      source: BILLING_FEED_SOURCE,
    });
  }
  await unit.saveSubscriptionMark(id, { lastEvent, pending: null });
}

/** The subscriptions and owners a page of `subscriptions` events is about. */
export function subscriptionPageKeys(events: readonly CatalogueEvent[]): CataloguePageKeys {
  const subscriptions: string[] = [];
  const accounts: string[] = [];
  for (const event of events) {
    const id = subscriptionIn(event);
    if (id) subscriptions.push(id);
    const owner = ownerIn(event);
    if (owner) accounts.push(accountIdOf(owner));
  }
  return { subscriptions, accounts };
}

function subscriptionIn(event: CatalogueEvent): string | undefined {
  const wapId = field(event.entity, 'SubscriptionID') ?? field(event.entity, 'SubscriptionId');
  return wapId ? subscriptionIdOf(wapId) : undefined;
}

function ownerIn(event: CatalogueEvent): string | undefined {
  return field(event.entity, 'AccountAdminLiveEmailId') || undefined;
}

/** Keeps, per property, what the newest event said; every state is kept for the history. */
function withEvent(pending: PendingSubscription, told: Told, event: CatalogueEvent): PendingSubscription {
  const at = event.at.toISOString();
  const newest = <T>(current: { value: T; at: string } | undefined, value: T | undefined) =>
    value !== undefined && (!current || current.at <= at) ? { value, at } : current;
  return {
    accountAdmin: newest(pending.accountAdmin, told.accountAdmin),
    name: newest(pending.name, told.name),
    planId: newest(pending.planId, told.planId),
    states: told.state ? [...pending.states, { state: told.state, at }] : pending.states,
  };
}

/**
 * The subscription's first row, then one write per state in time order, so events collected out
 * of order still leave the history they describe. With no state told yet it is active: WAP only
 * reports a subscription that exists.
 */
async function createFromPending(unit: CatalogueUnit, id: string, pending: PendingSubscription): Promise<void> {
  const accountId = accountIdOf(pending.accountAdmin!.value);
  await unit.ensureAccount(accountId);
  const states = [...pending.states].sort((a, b) => a.at.localeCompare(b.at));
  const first = states[0] ?? { state: 'active' as const, at: pending.accountAdmin!.at };
  const base = { id, accountId, planId: pending.planId?.value ?? null, name: pending.name?.value ?? null };
  for (const { state, at } of [first, ...states.slice(1)]) {
    await unit.saveSubscription({ subscription: { ...base, state }, at: new Date(at), source: BILLING_FEED_SOURCE });
    if (state === 'deleted') break;
  }
}
