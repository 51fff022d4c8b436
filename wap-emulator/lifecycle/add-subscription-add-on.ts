import { randomUUID } from 'node:crypto';
import { key } from '../admin/admin-store';
import type { AdminSubscription, SubscriptionAddOn } from '../contract/wap-types';
import { committedState, LifecycleContext, LifecycleResult } from './lifecycle-context';

export type AddOnError = 'subscription_not_found' | 'add_on_not_found' | 'vetoed';

/**
 * Section 6: `PUT {ep}/subscriptionAddons` for approval, then the `subscriptionAddons` feed event.
 * RPs hear nothing here: quota pushes (`PUT /quota`) are outside the emulator.
 */
export async function addSubscriptionAddOn(ctx: LifecycleContext, subscriptionId: string,
  input: { AddOnId: string; AddOnInstanceId?: string }, principalId: string):
  Promise<LifecycleResult<AdminSubscription, AddOnError>> {
  const subscription = ctx.store.subscriptions.get(key(subscriptionId));
  if (!subscription) return { ok: false, error: 'subscription_not_found' };
  const addOn = ctx.store.addOns.get(key(input.AddOnId));
  if (!addOn) return { ok: false, error: 'add_on_not_found' };

  const link: SubscriptionAddOn = {
    SubscriptionId: subscription.SubscriptionID, AddOnId: addOn.Id, AddOnInstanceId: input.AddOnInstanceId ?? randomUUID(),
  };
  const request = { path: 'subscriptionAddons', httpMethod: 'PUT', method: 'POST', entity: link,
    parentId: subscription.SubscriptionID, principalId } as const;
  const outcome = await ctx.approval.approve(request);
  if (!outcome.approved) return { ok: false, error: 'vetoed', veto: outcome };

  subscription.AddOnReferences.push({ AddOnId: link.AddOnId, AddOnInstanceId: link.AddOnInstanceId });
  subscription.AddOns.push(structuredClone(addOn));
  ctx.feeds.record('subscriptionAddons',
    { Method: 'POST', Entity: link, EntityParentId: link.SubscriptionId, State: committedState(outcome) }, ctx.now());
  await ctx.approval.inform(request);
  return { ok: true, value: subscription };
}
