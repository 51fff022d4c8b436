import { inject, injectable } from 'inversify';
import { accountIdOf } from '../accounts/account';
import { AccountDefaults } from '../accounts/account-defaults';
import { AccountStore } from '../accounts/account-store';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { subscriptionIdOf, type QuotaSetting, type Subscription, type SubscriptionState } from './subscription';
import type { SubscriptionError } from './subscription-errors';
import { SubscriptionStore } from './subscription-store';

/** What WAP told us about a subscription, in domain terms. */
export interface SubscriptionNotice {
  readonly subscriptionId: string;
  /** The account admin's WAP user name; absent when the caller did not say. */
  readonly accountAdmin?: string;
  readonly name?: string | null;
  readonly planId?: string | null;
  readonly state: Exclude<SubscriptionState, 'deleted'>;
  /** Absent leaves the stored quota as it is. */
  readonly quota?: readonly QuotaSetting[];
}

/**
 * The write shared by the notification use cases. WAP resends a notification until it gets an
 * answer, so applying the same notice twice must leave the same rows: the store adds history only
 * for a state that differs from the stored one, and quota is replaced, not appended.
 */
@injectable()
export class ApplySubscriptionNotice {
  constructor(
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(AccountStore) private readonly accounts: AccountStore,
    @inject(AccountDefaults) private readonly defaults: AccountDefaults,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async apply(notice: SubscriptionNotice, source: string): Promise<Result<Subscription, SubscriptionError>> {
    const id = subscriptionIdOf(notice.subscriptionId);
    const existing = await this.subscriptions.find(id);
    const accountId = notice.accountAdmin !== undefined ? accountIdOf(notice.accountAdmin) : existing?.accountId;
    if (existing && accountId !== existing.accountId) return fail('subscription_owned_by_another_account');
    if (existing?.state === 'deleted') return fail('subscription_deleted');
    if (accountId === undefined) return fail('subscription_not_found');

    await this.accounts.ensure(accountId, this.defaults);
    const at = this.clock.now();
    const { subscription } = await this.subscriptions.save({
      subscription: {
        id,
        accountId,
        planId: notice.planId !== undefined ? notice.planId : (existing?.planId ?? null),
        name: notice.name !== undefined ? notice.name : (existing?.name ?? null),
        state: notice.state,
      },
      at,
      source,
    });
    if (notice.quota) await this.subscriptions.saveQuota(id, notice.quota, at);
    return ok(subscription);
  }
}
