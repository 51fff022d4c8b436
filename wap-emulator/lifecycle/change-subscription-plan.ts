import { key } from '../admin/admin-store';
import { AdminSubscription, AdminSubscriptionState } from '../contract/wap-types';
import { committedState, LifecycleContext, LifecycleResult } from './lifecycle-context';

export type PlanChangeError = 'subscription_not_found' | 'plan_not_found' | 'delete_pending' | 'vetoed';

/**
 * An administrator moves a subscription to another plan: the billing subscriber approves the
 * update (section 6: update events must be approved), then the `subscriptions` feed reports the
 * subscription with its new `PlanId`, which is how a billing system learns of it. RPs hear
 * nothing here: the quota pushes that follow (`PUT /quota`) are outside the emulator. Moving to
 * the plan already held answers the subscription unchanged and calls nobody.
 */
export async function changeSubscriptionPlan(ctx: LifecycleContext, subscriptionId: string, planId: string, principalId: string):
  Promise<LifecycleResult<AdminSubscription, PlanChangeError>> {
  const subscription = ctx.store.subscriptions.get(key(subscriptionId));
  if (!subscription) return { ok: false, error: 'subscription_not_found' };
  if (subscription.State === AdminSubscriptionState.DeletePending) return { ok: false, error: 'delete_pending' };
  const plan = ctx.store.plans.get(key(planId));
  if (!plan) return { ok: false, error: 'plan_not_found' };
  if (key(subscription.PlanId) === key(plan.Id)) return { ok: true, value: subscription };

  const proposed: AdminSubscription = { ...subscription, PlanId: plan.Id };
  const request = { path: 'subscriptions', httpMethod: 'POST', method: 'PUT', entity: proposed, parentId: plan.Id, principalId } as const;
  const outcome = await ctx.approval.approve(request);
  if (!outcome.approved) return { ok: false, error: 'vetoed', veto: outcome };

  const previous = ctx.store.plans.get(key(subscription.PlanId));
  if (previous) previous.SubscriptionCount--;
  plan.SubscriptionCount++;
  subscription.PlanId = plan.Id;
  ctx.feeds.record('subscriptions', { Method: 'PUT', Entity: subscription, EntityParentId: plan.Id, State: committedState(outcome) }, ctx.now());
  await ctx.approval.inform(request);
  return { ok: true, value: subscription };
}
