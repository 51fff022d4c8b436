import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { UsageSummarySource, type MeterReading } from '../usage/usage-summary-source';
import { subscriptionIdOf } from './subscription';
import { SubscriptionStore } from './subscription-store';

/** The current readings of one live subscription; a deleted or unknown one is not found. */
@injectable()
export class GetUsageSummary {
  constructor(
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(UsageSummarySource) private readonly usage: UsageSummarySource,
  ) {}

  async summarize(subscriptionId: string): Promise<Result<MeterReading[], 'subscription_not_found'>> {
    const subscription = await this.subscriptions.find(subscriptionIdOf(subscriptionId));
    if (!subscription || subscription.state === 'deleted') return fail('subscription_not_found');
    return ok(await this.usage.readingsFor(subscription.id));
  }
}
