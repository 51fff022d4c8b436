import { inject, injectable } from 'inversify';
import { Clock } from '../time/clock';
import { subscriptionIdOf, type QuotaSetting } from './subscription';
import { SubscriptionStore } from './subscription-store';

export interface QuotaUpdate {
  /** WAP's ids as sent; the outcome lists them the same way so that WAP recognises them. */
  readonly subscriptionIds: readonly string[];
  /** The plan's base quota with the add-ons' applied over it, already merged by key. */
  readonly settings: readonly QuotaSetting[];
  /** Checks only: nothing is stored. */
  readonly validateOnly: boolean;
}

export interface QuotaUpdateOutcome {
  readonly updated: string[];
  /** Unknown or deleted subscriptions: WAP retries these later. */
  readonly failed: string[];
}

/** Applies a plan's quota to its subscriptions; applying the same batch twice stores the same settings. */
@injectable()
export class UpdateSubscriptionQuotas {
  constructor(
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async update(request: QuotaUpdate): Promise<QuotaUpdateOutcome> {
    const outcome: QuotaUpdateOutcome = { updated: [], failed: [] };
    const at = this.clock.now();
    for (const wapId of request.subscriptionIds) {
      const subscription = await this.subscriptions.find(subscriptionIdOf(wapId));
      if (!subscription || subscription.state === 'deleted') {
        outcome.failed.push(wapId);
        continue;
      }
      if (!request.validateOnly) await this.subscriptions.saveQuota(subscription.id, request.settings, at);
      outcome.updated.push(wapId);
    }
    return outcome;
  }
}
