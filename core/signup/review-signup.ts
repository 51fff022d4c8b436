import { inject, injectable } from 'inversify';
import { accountIdOf, type Standing } from '../accounts/account';
import { AccountStore } from '../accounts/account-store';
import { fail, ok, type Result } from '../shared/result';
import { subscriptionIdOf } from '../subscriptions/subscription';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import { Clock } from '../time/clock';
import { AskPaymentConnectors } from './ask-payment-connectors';
import type { BillingDecision, BillingEvent } from './billing-decision';
import { BillingDecisionStore } from './billing-decision-store';

const REFUSED_STANDINGS: Partial<Record<Standing, string>> = {
  overdue: 'the account has overdue invoices',
  'suspended-nonpayment': 'the account is suspended for non-payment',
  'suspended-admin': 'the account is suspended by an administrator',
};

type Verdict = { verdict: 'approved' | 'rejected'; reason: string | null };

/**
 * Billing approval of a WAP change (blocking). Approves by default. A purchase (a new subscription,
 * or an add-on added) is rejected when the account owes money or is suspended, when the
 * subscription id is another account's, or when a payment connector's `reviewSignup` rejects it.
 * Updates and deletions are always approved: refusing them would only keep a tenant from leaving.
 * Each decision is stored; the same event asked again answers the stored decision.
 */
@injectable()
export class ReviewSignup {
  constructor(
    @inject(BillingDecisionStore) private readonly decisions: BillingDecisionStore,
    @inject(AccountStore) private readonly accounts: AccountStore,
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(AskPaymentConnectors) private readonly connectors: AskPaymentConnectors,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async review(event: BillingEvent): Promise<Result<BillingDecision, 'event_id_reused'>> {
    const subscriptionId = subscriptionIdOf(event.subscriptionId);
    const earlier = await this.decisions.find(event.entity, event.eventId);
    if (earlier) {
      // WAP retries with the same event; the same id about something else is not a retry.
      if (earlier.subscriptionId !== subscriptionId || earlier.method !== event.method) {
        return fail('event_id_reused', `event ${event.eventId} was decided for ${earlier.method} of ${earlier.subscriptionId}`);
      }
      return ok(earlier);
    }
    const accountId = event.accountAdmin ? accountIdOf(event.accountAdmin) : null;
    const { verdict, reason } = event.method === 'POST' ? await this.judgePurchase(event, subscriptionId, accountId) : { verdict: 'approved' as const, reason: null };
    return ok(
      await this.decisions.recordFirst({
        eventId: event.eventId,
        entity: event.entity,
        method: event.method,
        subscriptionId,
        accountId,
        verdict,
        reason,
        decidedAt: this.clock.now(),
      }),
    );
  }

  private async judgePurchase(event: BillingEvent, subscriptionId: string, accountId: string | null): Promise<Verdict> {
    const subscription = await this.subscriptions.find(subscriptionId);
    if (subscription && accountId && subscription.accountId !== accountId) {
      return { verdict: 'rejected', reason: `subscription ${subscriptionId} belongs to another account` };
    }
    const owner = accountId ?? subscription?.accountId ?? null;
    const account = owner ? await this.accounts.find(owner) : undefined;
    const refused = account ? REFUSED_STANDINGS[account.standing] : undefined;
    if (refused) return { verdict: 'rejected', reason: refused };
    // The connector's request names a plan; an add-on event does not carry one.
    if (event.entity !== 'subscription' || !owner) return { verdict: 'approved', reason: null };
    const opinion = await this.connectors.ask({ accountId: owner, subscriptionId, planId: event.planId ?? '' });
    if (opinion.verdict === 'reject') return { verdict: 'rejected', reason: opinion.reason };
    return { verdict: 'approved', reason: opinion.notes.length > 0 ? opinion.notes.join('; ') : null };
  }
}
