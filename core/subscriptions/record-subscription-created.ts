import { inject, injectable } from 'inversify';
import type { Result } from '../shared/result';
import type { Subscription } from './subscription';
import type { SubscriptionError } from './subscription-errors';
import { ApplySubscriptionNotice, type SubscriptionNotice } from './subscription-notice';

/** WAP created a subscription. A repeated creation (a retry) answers the stored subscription unchanged. */
@injectable()
export class RecordSubscriptionCreated {
  constructor(@inject(ApplySubscriptionNotice) private readonly notices: ApplySubscriptionNotice) {}

  async record(
    notice: SubscriptionNotice & { readonly accountAdmin: string },
    source: string,
  ): Promise<Result<Subscription, Exclude<SubscriptionError, 'subscription_not_found'>>> {
    return this.notices.apply(notice, source) as Promise<Result<Subscription, Exclude<SubscriptionError, 'subscription_not_found'>>>;
  }
}
