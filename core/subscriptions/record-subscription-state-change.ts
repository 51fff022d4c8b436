import { inject, injectable } from 'inversify';
import type { Result } from '../shared/result';
import type { Subscription } from './subscription';
import type { SubscriptionError } from './subscription-errors';
import { ApplySubscriptionNotice, type SubscriptionNotice } from './subscription-notice';

/**
 * WAP suspended, enabled or started deleting a subscription. One we never heard of is created when
 * the notice names its account admin: WAP is the authority, and our RP may have been registered
 * after the subscription was made.
 */
@injectable()
export class RecordSubscriptionStateChange {
  constructor(@inject(ApplySubscriptionNotice) private readonly notices: ApplySubscriptionNotice) {}

  async record(notice: SubscriptionNotice, source: string): Promise<Result<Subscription, SubscriptionError>> {
    return this.notices.apply(notice, source);
  }
}
