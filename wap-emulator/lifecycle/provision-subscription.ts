import { randomUUID } from 'node:crypto';
import { key } from '../admin/admin-store';
import { AdminSubscription, AdminSubscriptionState, RpLifecycleState, SyncState } from '../contract/wap-types';
import { committedState, LifecycleContext, LifecycleResult, rpFailureMessage } from './lifecycle-context';
import { buildAdminSubscription, toRpSubscription } from './subscription-views';

/** The subset of `AzureProvisioningInfo` that `POST /subscriptions` reads. */
export interface ProvisionInput {
  SubscriptionId?: string;
  FriendlyName?: string;
  PlanId: string;
  AccountAdminLiveEmailId: string;
  CoAdminNames?: string[];
}

export type ProvisionError = 'plan_not_found' | 'user_not_found' | 'subscription_exists' | 'vetoed';

/**
 * Blocking subscribers approve first (a veto creates nothing), then every RP hears `POST
 * /subscriptions`, then the change is committed to the `subscriptions` feed.
 */
export async function provisionSubscription(ctx: LifecycleContext, input: ProvisionInput, principalId: string):
  Promise<LifecycleResult<AdminSubscription, ProvisionError>> {
  const plan = ctx.store.plans.get(key(input.PlanId));
  if (!plan) return { ok: false, error: 'plan_not_found' };
  const user = ctx.store.users.get(key(input.AccountAdminLiveEmailId));
  if (!user) return { ok: false, error: 'user_not_found' };
  const id = input.SubscriptionId ?? randomUUID();
  if (ctx.store.subscriptions.has(key(id))) return { ok: false, error: 'subscription_exists' };

  const subscription = buildAdminSubscription({
    id, name: input.FriendlyName ?? plan.DisplayName, plan, accountAdmin: user.Name,
    coAdmins: input.CoAdminNames, created: ctx.now(),
  }, AdminSubscriptionState.None);
  const request = { path: 'subscriptions', httpMethod: 'POST', method: 'POST', entity: subscription,
    parentId: plan.Id, principalId } as const;
  const outcome = await ctx.approval.approve(request);
  if (!outcome.approved) return { ok: false, error: 'vetoed', veto: outcome };
  // A concurrent request may have taken the id while the subscriber was thinking.
  if (ctx.store.subscriptions.has(key(id))) return { ok: false, error: 'subscription_exists' };

  subscription.State = AdminSubscriptionState.Active;
  ctx.store.subscriptions.set(key(id), subscription);
  plan.SubscriptionCount++;
  user.SubscriptionIds.push(id);
  const notices = await ctx.notifier.notify('POST', toRpSubscription(subscription, RpLifecycleState.Provisioning), principalId);
  subscription.LastErrorMessage = rpFailureMessage(notices);
  if (subscription.LastErrorMessage) subscription.ActivationSyncState = SyncState.OutOfSync;

  ctx.feeds.record('subscriptions',
    { Method: 'POST', Entity: subscription, EntityParentId: plan.Id, State: committedState(outcome) }, ctx.now());
  await ctx.approval.inform(request);
  return { ok: true, value: subscription };
}
