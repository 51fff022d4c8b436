import type { AdminStore } from '../admin/admin-store';
import { key } from '../admin/admin-store';
import { wapOfferId } from '../contract/wap-ids';
import {
  AddOn, Plan, PlanAddOnLink, PlanService, PlanServiceLink, PlanState, UsageEventState,
} from '../contract/wap-types';
import type { BillingFeeds } from '../feeds/billing-feeds';

export interface OfferInput {
  DisplayName: string;
  Id?: string;
  State?: PlanState;
  ServiceQuotas?: Partial<PlanService>[];
  /** Plans only: add-ons offered with the plan; each becomes a `planAddons` event. */
  AddOnIds?: string[];
  MaxSubscriptionsPerAccount?: number;
}

export interface OfferContext {
  store: AdminStore;
  feeds: BillingFeeds;
  at?: Date;
  /** The generator passes seeded letters for ids; routes leave it out and get random ones. */
  idLetters?: (i: number) => number;
}

export type OfferResult<T> = { ok: true; value: T } | { ok: false; error: 'offer_exists' | 'add_on_not_found' };

/** Creating a plan commits one `plans` event, one `planServices` event per service, one `planAddons` per add-on. */
export function createPlan(ctx: OfferContext, input: OfferInput): OfferResult<Plan> {
  const id = input.Id ?? wapOfferId(input.DisplayName, ctx.idLetters);
  if (ctx.store.plans.has(key(id))) return { ok: false, error: 'offer_exists' };
  const addOnIds = input.AddOnIds ?? [];
  if (addOnIds.some(a => !ctx.store.addOns.has(key(a)))) return { ok: false, error: 'add_on_not_found' };
  const plan: Plan = {
    Id: id, DisplayName: input.DisplayName, State: input.State ?? PlanState.Public,
    ServiceQuotas: services(input.ServiceQuotas), AddOnIds: addOnIds,
    SubscriptionCount: 0, MaxSubscriptionsPerAccount: input.MaxSubscriptionsPerAccount ?? 1,
  };
  ctx.store.plans.set(key(id), plan);
  const acknowledged = UsageEventState.Acknowledged;
  ctx.feeds.record('plans', { Method: 'POST', Entity: plan, EntityParentId: null, State: acknowledged }, ctx.at);
  for (const service of plan.ServiceQuotas) {
    const link: PlanServiceLink = { PlanId: id, ...service };
    ctx.feeds.record('planServices', { Method: 'POST', Entity: link, EntityParentId: id, State: acknowledged }, ctx.at);
  }
  for (const addOnId of addOnIds) {
    const link: PlanAddOnLink = { PlanId: id, AddOnId: addOnId };
    ctx.feeds.record('planAddons', { Method: 'POST', Entity: link, EntityParentId: id, State: acknowledged }, ctx.at);
  }
  return { ok: true, value: plan };
}

export function createAddOn(ctx: OfferContext, input: OfferInput): OfferResult<AddOn> {
  const id = input.Id ?? wapOfferId(input.DisplayName, ctx.idLetters);
  if (ctx.store.addOns.has(key(id))) return { ok: false, error: 'offer_exists' };
  const addOn: AddOn = {
    Id: id, DisplayName: input.DisplayName, State: input.State ?? PlanState.Public,
    ServiceQuotas: services(input.ServiceQuotas),
  };
  ctx.store.addOns.set(key(id), addOn);
  ctx.feeds.record('addons',
    { Method: 'POST', Entity: addOn, EntityParentId: null, State: UsageEventState.Acknowledged }, ctx.at);
  return { ok: true, value: addOn };
}

function services(input: Partial<PlanService>[] | undefined): PlanService[] {
  return (input ?? []).filter(s => s.ServiceName).map(s => ({
    ServiceName: s.ServiceName!,
    ServiceInstanceId: s.ServiceInstanceId ?? s.ServiceName!,
    ServiceDisplayName: s.ServiceDisplayName ?? s.ServiceName!,
  }));
}
