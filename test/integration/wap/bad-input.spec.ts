import { expect } from 'chai';
import { BillingDecisionStore } from '../../../core/signup/billing-decision-store';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { RP_USERNAME, startTestServer, wapHeaders } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { call, rpSubscription, stored, SUB_A, SUB_B, subscriptionEvent } from './wap-samples';

describe(`bad input to the WAP endpoints on ${testBackend()}`, () => {
  let server: RunningServer;
  let before: unknown;
  beforeEach(async () => {
    server = await startTestServer();
    await call(server, 'POST', '/admin/subscriptions', rpSubscription());
    await call(server, 'POST', '/admin/subscriptions', rpSubscription({ SubscriptionId: SUB_B, AdminId: 'tenant-b@example.com' }));
    before = [await stored(server, SUB_A), await stored(server, SUB_B)];
  });
  afterEach(() => server.close());

  async function expectRefused(res: { status: number; body: any }, status: number, code: string, message?: RegExp) {
    expect(res.status).to.equal(status);
    expect(res.body).to.include({ Code: code });
    expect(res.body.Message).to.be.a('string');
    if (message) expect(res.body.Message).to.match(message);
    expect([await stored(server, SUB_A), await stored(server, SUB_B)], 'stored state').to.deep.equal(before);
  }

  it('answers 400 to malformed JSON', async () => {
    await expectRefused(await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, '{"SubscriptionId": "'), 400, 'BadRequest', /not valid JSON/);
  });

  it('answers 400 naming the field to a wrong type', async () => {
    await expectRefused(await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: '1' })), 400, 'BadRequest', /^Subscription\.State must be of type integer; got string$/);
    await expectRefused(await call(server, 'PUT', '/admin/subscriptions', rpSubscription({ QuotaSettings: [{ Key: 'a', Value: 5 }] })), 400, 'BadRequest', /QuotaSettings\[0\]\.Value/);
  });

  it('answers 400 to an unknown enum value, listing the allowed ones', async () => {
    const res = await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: 7 }));
    await expectRefused(res, 400, 'BadRequest', /^Subscription\.State must be one of 0 Active, 1 Suspended, 2 DeletePending; got 7$/);
    await expectRefused(await call(server, 'POST', '/admin/subscriptions', rpSubscription({ LifecycleState: 9 })), 400, 'BadRequest', /LifecycleState/);
  });

  it('answers 400 to a missing required field and to a non-GUID id', async () => {
    await expectRefused(await call(server, 'POST', '/admin/subscriptions', rpSubscription({ AdminId: undefined })), 400, 'BadRequest', /Subscription\.AdminId is required/);
    await expectRefused(await call(server, 'PUT', '/admin/subscriptions', rpSubscription({ SubscriptionId: 'not-a-guid' })), 400, 'BadRequest', /SubscriptionId must be a GUID/);
    await expectRefused(await call(server, 'GET', '/admin/subscriptions/not-a-guid'), 400, 'BadRequest', /GUID/);
  });

  it('answers 413 to a 2 MB body', async () => {
    const huge = rpSubscription({ LastErrorMessage: 'x'.repeat(2 * 1024 * 1024) });
    await expectRefused(await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, huge), 413, 'RequestEntityTooLarge');
  });

  it('answers 401 without credentials and with a wrong password', async () => {
    const { authorization: _dropped, ...noAuth } = wapHeaders();
    await expectRefused(await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: 1 }), noAuth), 401, 'Unauthorized');
    const wrong = wapHeaders({ authorization: `Basic ${Buffer.from(`${RP_USERNAME}:wrong`).toString('base64')}` });
    await expectRefused(await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: 1 }), wrong), 401, 'Unauthorized');
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent(), wrong), 401, 'Unauthorized');
  });

  it('answers 400 when the body names another subscription than the path', async () => {
    const res = await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ SubscriptionId: SUB_B, State: 1 }));
    await expectRefused(res, 400, 'BadRequest', new RegExp(`'${SUB_B}' differs from the subscription '${SUB_A}'`));
    await expectRefused(await call(server, 'DELETE', `/admin/subscriptions/${SUB_A}`, rpSubscription({ SubscriptionId: SUB_B })), 400, 'BadRequest');
  });

  it('answers 409 when a call claims another tenant\'s subscription for its account admin', async () => {
    const claim = rpSubscription({ SubscriptionId: SUB_B, State: 1 });
    await expectRefused(await call(server, 'POST', '/admin/subscriptions', claim), 409, 'SubscriptionOwnedByAnotherAccount');
    await expectRefused(await call(server, 'PUT', `/admin/subscriptions/${SUB_B}`, claim), 409, 'SubscriptionOwnedByAnotherAccount');
    await expectRefused(await call(server, 'DELETE', '/admin/subscriptions', claim), 409, 'SubscriptionOwnedByAnotherAccount');
  });

  it('answers 400 to bad quota batches and a bad validateOnly, storing nothing', async () => {
    await expectRefused(await call(server, 'PUT', '/admin/quota', { SubscriptionIdsToUpdate: SUB_A }), 400, 'BadRequest', /SubscriptionIdsToUpdate must be of type array/);
    await expectRefused(await call(server, 'PUT', '/admin/quota', { BaseQuota: [{ Key: '', Value: '1' }], SubscriptionIdsToUpdate: [SUB_A] }), 400, 'BadRequest', /BaseQuota\[0\]\.Key/);
    await expectRefused(await call(server, 'PUT', '/admin/quota?validateOnly=maybe', { SubscriptionIdsToUpdate: [SUB_A] }), 400, 'BadRequest', /validateOnly/);
  });

  it('answers 400 to bad billing events, recording no decision', async () => {
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ Method: 'GET' })), 400, 'BadRequest', /UsageEvent\.Method/);
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ EventId: 'abc' })), 400, 'BadRequest', /UsageEvent\.EventId/);
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ State: 9 })), 400, 'BadRequest', /UsageEvent\.State/);
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({}, { SubscriptionID: undefined })), 400, 'BadRequest', /Entity\.SubscriptionID is required/);
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({}, { State: 4 })), 400, 'BadRequest', /UsageEvent\.Entity\.State must be one of 0 None, 1 Active, 2 Suspended, 3 DeletePending/);
    await expectRefused(await call(server, 'POST', '/billingadapter/subscriptions', subscriptionEvent({ Entity: undefined })), 400, 'BadRequest', /UsageEvent\.Entity is required/);
    expect(await server.container.get<BillingDecisionStore>(BillingDecisionStore).find('subscription', '6530')).to.equal(undefined);
  });
});
