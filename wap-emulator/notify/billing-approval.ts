import type { AdminStore } from '../admin/admin-store';
import { isBlocking, NotificationSubscriber } from '../contract/notification-subscriber';
import { UsageEvent, UsageEventMethod, UsageEventState } from '../contract/wap-types';
import { eventTime } from '../contract/wap-time';
import { endpointCredentials } from './endpoint-credentials';
import { failed, joinUrl, OutboundClient } from './outbound-client';

export interface ApprovalRequest<E> {
  /** `subscriptions` or `subscriptionAddons`, appended to the subscriber's endpoint. */
  path: 'subscriptions' | 'subscriptionAddons';
  /** The HTTP verb of the call (section 6's table); `method` is the change the body describes. */
  httpMethod: 'POST' | 'PUT';
  method: UsageEventMethod;
  entity: E;
  parentId: string | null;
  principalId: string;
}

export type ApprovalOutcome =
  | { approved: true; byBlockingSubscriber: boolean }
  | { approved: false; subscriber: string; status: number | null; error?: string };

/**
 * Section 6: Billing and Mandatory subscribers must approve before a change commits; any status of
 * 400 and above, or no answer at all, is a veto. Optional subscribers hear about it afterwards.
 */
export class BillingApproval {
  // Approval calls carry their own EventId sequence: a vetoed change never reaches a feed, so
  // the feeds' ids cannot be handed out before the outcome is known.
  private nextEventId = 1;

  constructor(private readonly store: AdminStore, private readonly client: OutboundClient,
    private readonly now: () => Date) {}

  async approve<E>(request: ApprovalRequest<E>): Promise<ApprovalOutcome> {
    const blocking = this.enabled().filter(isBlocking);
    if (blocking.length === 0) return { approved: true, byBlockingSubscriber: false };
    const event = this.pendingEvent(request);
    for (const subscriber of blocking) {
      const result = await this.call(subscriber, request, event);
      if (failed(result)) return { approved: false, subscriber: subscriber.Name, status: result.status, error: result.error };
    }
    return { approved: true, byBlockingSubscriber: true };
  }

  /** Called after a commit; what optional subscribers answer changes nothing. */
  async inform<E>(request: ApprovalRequest<E>): Promise<void> {
    const optional = this.enabled().filter(s => !isBlocking(s));
    if (optional.length === 0) return;
    const event = { ...this.pendingEvent(request), State: UsageEventState.Approved };
    for (const subscriber of optional) await this.call(subscriber, request, event);
  }

  private enabled(): NotificationSubscriber[] {
    return [...this.store.notificationSubscribers.values()].filter(s => s.Enabled);
  }

  private pendingEvent<E>(request: ApprovalRequest<E>): UsageEvent<E> {
    return {
      EventId: this.nextEventId++, State: UsageEventState.PendingApproval, Method: request.method,
      Entity: request.entity, EntityParentId: request.parentId, NotificationEventTimeCreated: eventTime(this.now()),
    };
  }

  private call<E>(subscriber: NotificationSubscriber, request: ApprovalRequest<E>, event: UsageEvent<E>) {
    return this.client.send({
      target: 'notificationSubscriber', method: request.httpMethod, url: joinUrl(subscriber.Endpoint, request.path),
      credentials: endpointCredentials(subscriber), principalId: request.principalId, body: event,
    });
  }
}
