import type { AdminStore } from '../admin/admin-store';
import type { RpSubscription } from '../contract/wap-types';
import { endpointCredentials } from './endpoint-credentials';
import { joinUrl, OutboundClient, OutboundResult } from './outbound-client';

export interface RpNotice { provider: string; instanceId: string; result: OutboundResult }

/**
 * Section 4: the subscription lifecycle calls to every registered, enabled resource provider's
 * notification endpoint. The emulator does not narrow this to the plan's services, so a test's
 * fake RP hears every subscription without configuring plan services first.
 */
export class RpNotifier {
  constructor(private readonly store: AdminStore, private readonly client: OutboundClient) {}

  async notify(method: 'POST' | 'PUT' | 'DELETE', subscription: RpSubscription, principalId: string): Promise<RpNotice[]> {
    const path = method === 'POST' ? 'subscriptions' : `subscriptions/${subscription.SubscriptionId}`;
    const notices: RpNotice[] = [];
    for (const provider of this.store.resourceProviders.values()) {
      const endpoint = provider.NotificationEndpoint;
      if (provider.Enabled === false || !endpoint?.ForwardingAddress) continue;
      const result = await this.client.send({
        target: 'resourceProvider', method, url: joinUrl(endpoint.ForwardingAddress, path),
        credentials: endpointCredentials(endpoint), principalId, body: subscription,
      });
      notices.push({ provider: provider.Name, instanceId: provider.InstanceId ?? '', result });
    }
    return notices;
  }
}
