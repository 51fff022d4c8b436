import { expect } from 'chai';
import { SetAccountStanding } from '../../../core/accounts/set-account-standing';
import { SignupVerdict, type PaymentConnector } from '../../../core/plugin-api';
import { PaymentConnectorRegistry } from '../../../core/plugin-host/payment-connector-registry';
import { BillingDecisionStore } from '../../../core/signup/billing-decision-store';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { addOnEvent, call, rpSubscription, SUB_A, subscriptionEvent } from './wap-samples';

/** A connector with only what sign-up review touches; the other methods are never called here. */
function connector(id: string, reviewSignup: PaymentConnector['reviewSignup']): PaymentConnector {
  const unused = async () => {
    throw new Error('not used in these tests');
  };
  return { id, testConnection: unused, pushInvoice: unused, charge: unused, checkCharge: unused, accountStatus: unused, reviewSignup };
}

describe(`billing adapter endpoint (CONTRACT §6) on ${testBackend()}`, () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  const decision = (eventId: string, entity: 'subscription' | 'subscription-addon' = 'subscription') =>
    server.container.get<BillingDecisionStore>(BillingDecisionStore).find(entity, eventId);
  const markAccount = (user: string, standing: 'overdue' | 'suspended-nonpayment' | 'good') =>
    server.container.get(SetAccountStanding).set(user, standing);

  describe('POST /billingadapter/subscriptions', () => {
    it('approves a sign-up of an account in good standing with 204 and records the decision', async () => {
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(res.status).to.equal(204);
      expect(await decision('6530')).to.deep.include({
        eventId: '6530', entity: 'subscription', method: 'POST', subscriptionId: SUB_A,
        accountId: 'tenant-a@example.com', verdict: 'approved', reason: null,
      });
    });

    it('rejects a sign-up of an overdue account with 403 and a WAP error giving the reason', async () => {
      await markAccount('Tenant-A@example.com', 'overdue');
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(res.status).to.equal(403);
      expect(res.body).to.deep.equal({ Code: 'SignupRejected', Message: 'the account has overdue invoices' });
      expect(await decision('6530')).to.include({ verdict: 'rejected', reason: 'the account has overdue invoices' });
    });

    it('rejects a sign-up of an account suspended for non-payment', async () => {
      await markAccount('tenant-a@example.com', 'suspended-nonpayment');
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(res.status).to.equal(403);
      expect(res.body.Message).to.equal('the account is suspended for non-payment');
    });

    it('answers the recorded decision when the same EventId is asked again, even after the standing changed', async () => {
      await markAccount('tenant-a@example.com', 'overdue');
      expect((await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent())).status).to.equal(403);
      await markAccount('tenant-a@example.com', 'good');
      expect((await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent())).status).to.equal(403);
      expect((await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ EventId: 6531 }))).status).to.equal(204);
    });

    it('answers 409 when an EventId already decided arrives about another subscription', async () => {
      await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({}, { SubscriptionID: '0a53e53d-9999-4c2e-9a1b-000000000009' }));
      expect(res.status).to.equal(409);
      expect(res.body).to.include({ Code: 'EventIdReused' });
    });

    it('approves updates (Method PUT) and deletions (Method DELETE) even for an overdue account', async () => {
      await markAccount('tenant-a@example.com', 'overdue');
      expect((await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ EventId: 1, Method: 'PUT' }, { State: 2 }))).status).to.equal(204);
      expect((await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ EventId: 2, Method: 'DELETE' }))).status).to.equal(204);
      expect(await decision('2')).to.include({ method: 'DELETE', verdict: 'approved' });
    });

    it('rejects a sign-up whose subscription id is already another account\'s', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription({ AdminId: 'tenant-b@example.com' }));
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(res.status).to.equal(403);
      expect(res.body.Message).to.equal(`subscription ${SUB_A} belongs to another account`);
    });

    it('accepts EventId as a string of digits (a .NET long kept exact) and the SubscriptionId spelling', async () => {
      const event = subscriptionEvent({ EventId: '9007199254740993' }, { SubscriptionID: undefined, SubscriptionId: SUB_A });
      expect((await call(server, 'POST', '/billingadapter/subscriptions', event)).status).to.equal(204);
      expect(await decision('9007199254740993')).to.include({ verdict: 'approved' });
    });
  });

  describe('payment connectors that review sign-ups', () => {
    it('rejects when an active connector rejects, naming the connector', async () => {
      server.container.get(PaymentConnectorRegistry).add(connector('payments.strict', async () => ({ verdict: SignupVerdict.Reject, reason: 'card expired' })));
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(res.status).to.equal(403);
      expect(res.body.Message).to.equal('payments.strict: card expired');
    });

    it('approves when a connector throws, and notes the failure on the decision', async () => {
      server.container.get(PaymentConnectorRegistry).add(connector('payments.down', async () => {
        throw new Error('connection refused');
      }));
      const res = await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(res.status).to.equal(204);
      expect((await decision('6530'))?.reason).to.equal('payments.down did not answer (connection refused); approved without it');
    });

    it('passes the account, subscription and plan to the connector', async () => {
      const seen: unknown[] = [];
      server.container.get(PaymentConnectorRegistry).add(connector('payments.spy', async (request) => {
        seen.push(request);
        return { verdict: SignupVerdict.Approve };
      }));
      await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent());
      expect(seen).to.deep.equal([{ accountId: 'tenant-a@example.com', subscriptionId: SUB_A, planId: 'Examphlztfpgi' }]);
    });
  });

  describe('/billingadapter/subscriptionAddons', () => {
    it('PUT (add-on added) approves for a good account and rejects for an overdue one', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      expect((await call(server, 'PUT', '/billingadapter/subscriptionAddons', addOnEvent())).status).to.equal(204);
      await markAccount('tenant-a@example.com', 'overdue');
      const res = await call(server, 'PUT', '/billingadapter/subscriptionAddons', addOnEvent({ EventId: 7002 }));
      expect(res.status).to.equal(403);
      expect(res.body).to.deep.equal({ Code: 'SignupRejected', Message: 'the account has overdue invoices' });
      expect(await decision('7002', 'subscription-addon')).to.include({ verdict: 'rejected', accountId: null, subscriptionId: SUB_A });
    });

    it('POST with Method DELETE (add-on removed) approves', async () => {
      await markAccount('tenant-a@example.com', 'overdue');
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const res = await call(server, 'POST', '/billingadapter/subscriptionAddons', addOnEvent({ EventId: 7003, Method: 'DELETE' }));
      expect(res.status).to.equal(204);
      expect(await decision('7003', 'subscription-addon')).to.include({ method: 'DELETE', verdict: 'approved' });
    });
  });
});
