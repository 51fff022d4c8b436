import { key } from '../admin/admin-store';
import type { AdminSubscription, SubscriptionAddOn } from '../contract/wap-types';
import { committedState, LifecycleContext, LifecycleResult } from './lifecycle-context';

export type RemoveAddOnError = 'subscription_not_found' | 'add_on_not_found' | 'vetoed';

/** Section 6: `POST {ep}/subscriptionAddons` with Method DELETE, then the feed event. */
export async function removeSubscriptionAddOn(ctx: LifecycleContext, subscriptionId: string, addOnInstanceId: string,
  principalId: string): Promise<LifecycleResult<AdminSubscription, RemoveAddOnError>> {
  const subscription = ctx.store.subscriptions.get(key(subscriptionId));
  if (!subscription) return { ok: false, error: 'subscription_not_found' };
  const index = subscription.AddOnReferences.findIndex(r => key(r.AddOnInstanceId) === key(addOnInstanceId));
  if (index < 0) return { ok: false, error: 'add_on_not_found' };

  const reference = subscription.AddOnReferences[index];
  const link: SubscriptionAddOn = { SubscriptionId: subscription.SubscriptionID, ...reference };
  const request = { path: 'subscriptionAddons', httpMethod: 'POST', method: 'DELETE', entity: link,
    parentId: subscription.SubscriptionID, principalId } as const;
  const outcome = await ctx.approval.approve(request);
  if (!outcome.approved) return { ok: false, error: 'vetoed', veto: outcome };

  subscription.AddOnReferences.splice(index, 1);
  const addOnIndex = subscription.AddOns.findIndex(a => key(a.Id) === key(reference.AddOnId));
  if (addOnIndex >= 0) subscription.AddOns.splice(addOnIndex, 1);
  ctx.feeds.record('subscriptionAddons',
    { Method: 'DELETE', Entity: link, EntityParentId: link.SubscriptionId, State: committedState(outcome) }, ctx.now());
  await ctx.approval.inform(request);
  return { ok: true, value: subscription };
}
