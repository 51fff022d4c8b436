import { inject, injectable } from 'inversify';
import { accountIdOf } from '../accounts/account';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { subscriptionIdOf, type Subscription } from './subscription';
import type { SubscriptionError } from './subscription-errors';
import { SubscriptionStore } from './subscription-store';

/** WAP deleted a subscription. Deleting a deleted one answers it unchanged, with no second history row. */
@injectable()
export class RecordSubscriptionDeleted {
  constructor(
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async record(
    subscriptionId: string,
    source: string,
    accountAdmin?: string,
  ): Promise<Result<Subscription, Exclude<SubscriptionError, 'subscription_deleted'>>> {
    const existing = await this.subscriptions.find(subscriptionIdOf(subscriptionId));
    if (!existing) return fail('subscription_not_found');
    if (accountAdmin !== undefined && accountIdOf(accountAdmin) !== existing.accountId) return fail('subscription_owned_by_another_account');
    const { subscription } = await this.subscriptions.save({ subscription: { ...existing, state: 'deleted' }, at: this.clock.now(), source });
    return ok(subscription);
  }
}
