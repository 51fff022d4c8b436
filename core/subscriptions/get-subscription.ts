import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { subscriptionIdOf, type QuotaSetting, type StateChange, type Subscription } from './subscription';
import { SubscriptionStore } from './subscription-store';

export interface SubscriptionDetails {
  readonly subscription: Subscription;
  readonly quota: readonly QuotaSetting[];
  readonly history: readonly StateChange[];
}

/** Reads one subscription with its quota and state history. A deleted one reads as not found, as in WAP. */
@injectable()
export class GetSubscription {
  constructor(@inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore) {}

  async get(subscriptionId: string, options: { includeDeleted?: boolean } = {}): Promise<Result<SubscriptionDetails, 'subscription_not_found'>> {
    const id = subscriptionIdOf(subscriptionId);
    const subscription = await this.subscriptions.find(id);
    if (!subscription || (subscription.state === 'deleted' && !options.includeDeleted)) return fail('subscription_not_found');
    const [quota, history] = await Promise.all([this.subscriptions.quota(id), this.subscriptions.history(id)]);
    return ok({ subscription, quota, history });
  }
}
