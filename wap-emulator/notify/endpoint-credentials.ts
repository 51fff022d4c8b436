import type { ResourceProviderEndpoint } from '../contract/wap-types';
import type { NotificationSubscriber } from '../contract/notification-subscriber';
import type { BasicCredentials } from './outbound-client';

/** Windows authentication is not emulated: such an endpoint is called without credentials. */
export function endpointCredentials(endpoint: ResourceProviderEndpoint | NotificationSubscriber): BasicCredentials | null {
  const basic = endpoint.AuthenticationMode === 1 || endpoint.AuthenticationMode === 'Basic';
  if (!basic) return null;
  return { username: endpoint.AuthenticationUsername ?? '', password: endpoint.AuthenticationPassword ?? '' };
}
