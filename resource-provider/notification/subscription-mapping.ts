import type { SubscriptionDetails } from '../../core/subscriptions/get-subscription';
import type { QuotaSetting } from '../../core/subscriptions/subscription';
import type { SubscriptionNotice } from '../../core/subscriptions/subscription-notice';
import { HttpError } from '../http/wap-error';
import { RpLifecycleState, type RpSubscription } from '../wap/contract/subscription';
import { stateFromRp, stateToRp } from '../wap/contract/subscription-state';

export const NOTIFICATION_SOURCE = 'wap-notification';

/** The PascalCase body in domain terms. Fields WAP left out stay undefined, so stored values are kept. */
export function noticeOf(body: RpSubscription): SubscriptionNotice {
  return {
    subscriptionId: body.SubscriptionId,
    accountAdmin: body.AdminId ?? undefined,
    name: body.SubscriptionName,
    state: stateFromRp(body.State),
    quota: body.QuotaSettings ? quotaOf(body.QuotaSettings) : undefined,
  };
}

export function quotaOf(settings: readonly { Key: string; Value: string | null }[]): QuotaSetting[] {
  return settings.map((s) => ({ key: s.Key, value: s.Value ?? '' }));
}

export function toWapQuota(settings: readonly QuotaSetting[]): { Key: string; Value: string }[] {
  return settings.map((s) => ({ Key: s.key, Value: s.value }));
}

/** What `GET /subscriptions/{id}` answers: the stored subscription in WAP's RP-side form. */
export function toRpSubscription({ subscription, quota }: SubscriptionDetails): RpSubscription {
  return {
    SubscriptionId: subscription.id,
    SubscriptionName: subscription.name,
    State: stateToRp(subscription.state),
    LifecycleState: RpLifecycleState.Provisioned,
    LastErrorMessage: null,
    QuotaSettings: toWapQuota(quota),
    AdminId: subscription.accountId,
    CoAdminIds: [],
  };
}

/** A body that names another subscription than the path is refused before anything is read or written. */
export function requireSameSubscription(pathId: string, bodyId: string): void {
  if (pathId.trim().toLowerCase() !== bodyId.trim().toLowerCase()) {
    throw new HttpError(400, 'BadRequest', `Subscription.SubscriptionId '${bodyId}' differs from the subscription '${pathId}' in the path`);
  }
}
