import { WapHttpError } from '../contract/wap-error';
import type { NotificationSubscriber } from '../contract/notification-subscriber';
import { bodyObject, optionalString, requiredString } from './request-body';

const types: NotificationSubscriber['SubscriberType'][] = ['BillingService', 'MandatoryService', 'OptionalService'];

/** Checks a subscriber as `Set-MgmtSvcNotificationSubscriber` would; modes accept 0/1 as well as names. */
export function parseSubscriber(raw: unknown): NotificationSubscriber {
  const body = bodyObject(raw, 'NotificationSubscriber');
  const type = types.find(t => t.toLowerCase() === String(body.SubscriberType ?? '').toLowerCase());
  if (!type) throw new WapHttpError(400, 'BadRequest', `SubscriberType must be one of ${types.join(', ')}.`);
  const endpoint = requiredString(body, 'Endpoint');
  if (!URL.canParse(endpoint)) throw new WapHttpError(400, 'BadRequest', 'Endpoint must be an absolute URI.');
  const mode = body.AuthenticationMode;
  const basic = mode === 1 || String(mode).toLowerCase() === 'basic';
  if (!basic && !(mode === undefined || mode === 0 || String(mode).toLowerCase() === 'none')) {
    throw new WapHttpError(400, 'BadRequest', 'AuthenticationMode must be None or Basic.');
  }
  return {
    Name: requiredString(body, 'Name'),
    Enabled: body.Enabled !== false,
    SubscriberType: type,
    Endpoint: endpoint,
    AuthenticationMode: basic ? 'Basic' : 'None',
    AuthenticationUsername: optionalString(body, 'AuthenticationUsername') ?? null,
    AuthenticationPassword: optionalString(body, 'AuthenticationPassword') ?? null,
  };
}
