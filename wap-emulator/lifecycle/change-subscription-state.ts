import { key } from '../admin/admin-store';
import { AdminSubscription, AdminSubscriptionState, RpLifecycleState, SyncState } from '../contract/wap-types';
import { committedState, LifecycleContext, LifecycleResult, rpFailureMessage } from './lifecycle-context';
import { toRpSubscription } from './subscription-views';

export type StateChangeError = 'subscription_not_found' | 'delete_pending' | 'vetoed';

/**
 * Suspend or enable (section 7). Asking for the state a subscription already has answers it
 * unchanged and calls nobody, so a dunning job that repeats itself does no harm.
 */
export async function changeSubscriptionState(ctx: LifecycleContext, subscriptionId: string,
  target: AdminSubscriptionState.Active | AdminSubscriptionState.Suspended, principalId: string):
  Promise<LifecycleResult<AdminSubscription, StateChangeError>> {
  const subscription = ctx.store.subscriptions.get(key(subscriptionId));
  if (!subscription) return { ok: false, error: 'subscription_not_found' };
  if (subscription.State === AdminSubscriptionState.DeletePending) return { ok: false, error: 'delete_pending' };
  if (subscription.State === target) return { ok: true, value: subscription };

  const proposed: AdminSubscription = { ...subscription, State: target };
  const request = { path: 'subscriptions', httpMethod: 'POST', method: 'PUT', entity: proposed,
    parentId: subscription.PlanId, principalId } as const;
  const outcome = await ctx.approval.approve(request);
  if (!outcome.approved) return { ok: false, error: 'vetoed', veto: outcome };

  subscription.State = target;
  const notices = await ctx.notifier.notify('PUT', toRpSubscription(subscription, RpLifecycleState.Updating), principalId);
  subscription.LastErrorMessage = rpFailureMessage(notices);
  subscription.ActivationSyncState = subscription.LastErrorMessage ? SyncState.OutOfSync : SyncState.InSync;

  ctx.feeds.record('subscriptions',
    { Method: 'PUT', Entity: subscription, EntityParentId: subscription.PlanId, State: committedState(outcome) }, ctx.now());
  await ctx.approval.inform(request);
  return { ok: true, value: subscription };
}
