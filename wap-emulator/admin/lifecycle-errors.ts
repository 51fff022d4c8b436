import { WapHttpError } from '../contract/wap-error';
import type { LifecycleResult } from '../lifecycle/lifecycle-context';

const statusOf: Record<string, [number, string]> = {
  plan_not_found: [404, 'PlanNotFound'],
  user_not_found: [404, 'UserNotFound'],
  subscription_not_found: [404, 'SubscriptionNotFound'],
  add_on_not_found: [404, 'AddOnNotFound'],
  subscription_exists: [409, 'SubscriptionAlreadyExists'],
  delete_pending: [409, 'SubscriptionDeletePending'],
};

/**
 * The one place that turns use-case codes into Admin API errors. A veto answers 400
 * `NotificationSubscriberRejected` naming the subscriber and its status, in Message and Details.
 */
export function valueOrThrow<T, E extends string>(result: LifecycleResult<T, E>): T {
  if (result.ok) return result.value;
  if (result.error === 'vetoed' && result.veto) {
    const { subscriber, status, error } = result.veto;
    const answer = status === null ? `no answer (${error})` : `HTTP ${status}`;
    const message = `The notification subscriber '${subscriber}' rejected the change: ${answer}.`;
    throw new WapHttpError(400, 'NotificationSubscriberRejected', message,
      [{ Code: status === null ? 'NoResponse' : String(status), Source: subscriber, Message: message }]);
  }
  const [status, code] = statusOf[result.error] ?? [500, 'InternalServerError'];
  throw new WapHttpError(status, code, `${code}: ${result.error.replace(/_/g, ' ')}.`);
}
