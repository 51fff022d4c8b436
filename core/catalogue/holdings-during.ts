import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { subscriptionIdOf, type StateChange, type SubscriptionState } from '../subscriptions/subscription';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import type { Period } from '../usage/metering/aggregation/period';
import { planIntervals } from '../subscriptions/plan-intervals';
import { CatalogueQuery } from './catalogue-query';

/** A closed piece of the asked period, `[from, to)`. */
export interface Held {
  readonly from: Date;
  readonly to: Date;
}

export interface Holdings {
  readonly subscriptionId: string;
  readonly accountId: string;
  readonly period: Period;
  /** Empty when the subscription did not exist during the period. */
  readonly plan: readonly (Held & { readonly planId: string; readonly displayName: string | null })[];
  readonly addOns: readonly (Held & { readonly addOnId: string; readonly instanceId: string; readonly displayName: string | null })[];
  /** Consecutive and disjoint; the period before the first history row is left out. */
  readonly states: readonly (Held & { readonly state: SubscriptionState })[];
}

/**
 * The invoicer's question: who held what, when. Intervals are clipped to the period, so an invoice
 * sums them without looking past its own month. Each plan is held from its plan history row until
 * the next one (WAP moved the subscription) or the deletion.
 */
@injectable()
export class HoldingsDuring {
  constructor(
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(CatalogueQuery) private readonly catalogue: CatalogueQuery,
  ) {}

  async holdings(subscriptionId: string, period: Period): Promise<Result<Holdings, 'subscription_not_found'>> {
    const id = subscriptionIdOf(subscriptionId);
    const subscription = await this.subscriptions.find(id);
    if (!subscription) return fail('subscription_not_found');
    const states = stateSpans(await this.subscriptions.history(id), period);
    const alive = states.filter((s) => s.state !== 'deleted');
    const life = alive.length > 0 ? { from: alive[0].from, to: alive[alive.length - 1].to } : undefined;
    const history = (await this.subscriptions.planHistory(id)).map((c) => ({ planId: c.planId, at: c.changedAt }));
    const plan = await Promise.all(planIntervals(history, life).map(async (held) => ({
      ...held, displayName: (await this.catalogue.findPlan(held.planId))?.displayName ?? null,
    })));
    const names = new Map((await this.catalogue.addOns()).map((a) => [a.id, a.displayName]));
    const addOns = (await this.catalogue.subscriptionAddOns(id)).flatMap((h) => {
      // An add-on whose add event has not been collected yet has no known start: nothing to bill.
      if (!h.addedAt) return [];
      const held = clipped(h.addedAt, h.removedAt, period);
      return held ? [{ addOnId: h.addOnId, instanceId: h.instanceId, displayName: names.get(h.addOnId) ?? null, ...held }] : [];
    });
    return ok({ subscriptionId: id, accountId: subscription.accountId, period, plan, addOns, states });
  }
}

/** Each history row holds until the next one; the last until the end of time. */
function stateSpans(history: readonly StateChange[], period: Period): (Held & { state: SubscriptionState })[] {
  return history.flatMap((change, i) => {
    const held = clipped(change.changedAt, history[i + 1]?.changedAt ?? null, period);
    return held ? [{ state: change.state, ...held }] : [];
  });
}

function clipped(from: Date, to: Date | null, period: Period): Held | null {
  const start = Math.max(from.getTime(), period.from.getTime());
  const end = Math.min(to?.getTime() ?? Infinity, period.to.getTime());
  return end > start ? { from: new Date(start), to: new Date(end) } : null;
}
