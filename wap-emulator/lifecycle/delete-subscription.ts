import { key } from '../admin/admin-store';
import { AdminSubscription, AdminSubscriptionState, RpLifecycleState } from '../contract/wap-types';
import { committedState, LifecycleContext, LifecycleResult } from './lifecycle-context';
import { toRpSubscription } from './subscription-views';

export type DeleteError = 'subscription_not_found' | 'vetoed';

/**
 * Real WAP answers 202 and finishes later; the emulator finishes (RP calls, feed event) before it
 * answers, so a test reads the outcome right after the call. RP failures do not stop a deletion.
 */
export async function deleteSubscription(ctx: LifecycleContext, subscriptionId: string, principalId: string):
  Promise<LifecycleResult<AdminSubscription, DeleteError>> {
  const subscription = ctx.store.subscriptions.get(key(subscriptionId));
  if (!subscription) return { ok: false, error: 'subscription_not_found' };

  const request = { path: 'subscriptions', httpMethod: 'POST', method: 'DELETE', entity: subscription,
    parentId: subscription.PlanId, principalId } as const;
  const outcome = await ctx.approval.approve(request);
  if (!outcome.approved) return { ok: false, error: 'vetoed', veto: outcome };

  subscription.State = AdminSubscriptionState.DeletePending;
  await ctx.notifier.notify('DELETE', toRpSubscription(subscription, RpLifecycleState.Deleting), principalId);
  ctx.store.subscriptions.delete(key(subscriptionId));
  const plan = ctx.store.plans.get(key(subscription.PlanId));
  if (plan) plan.SubscriptionCount--;
  const user = ctx.store.users.get(key(subscription.AccountAdminLiveEmailId));
  if (user) user.SubscriptionIds = user.SubscriptionIds.filter(id => key(id) !== key(subscriptionId));

  ctx.feeds.record('subscriptions',
    { Method: 'DELETE', Entity: subscription, EntityParentId: subscription.PlanId, State: committedState(outcome) }, ctx.now());
  await ctx.approval.inform(request);
  return { ok: true, value: subscription };
}
