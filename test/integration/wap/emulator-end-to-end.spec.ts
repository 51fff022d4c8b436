import { expect } from 'chai';
import { SetAccountStanding } from '../../../core/accounts/set-account-standing';
import { BillingDecisionStore } from '../../../core/signup/billing-decision-store';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { AdminApiClient } from '../../../resource-provider/wap/admin-api-client';
import { AdminSubscriptionState } from '../../../resource-provider/wap/contract/usage-event';
import { resourceProviderRegistration } from '../../../resource-provider/wap/rp-registration';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { RP_PASSWORD, RP_USERNAME, startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { call, stored } from './wap-samples';

const TOKEN = 'e2e-admin-token';

describe(`the RP and the WAP emulator over real HTTP on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let server: RunningServer;
  let admin: string;
  let plan: string;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, adminToken: TOKEN });
    ({ adminApiUrl: admin } = await emulator.start());
    server = await startTestServer({ wapAdmin: { url: admin, token: TOKEN } });

    // The RP registers itself, as its start-up would, through its own Admin API client.
    const registration = resourceProviderRegistration({
      publicUrl: server.url, username: RP_USERNAME, password: RP_PASSWORD, instanceId: '5c4b9a52-0000-4000-8000-00000000b111',
    });
    await server.container.get(AdminApiClient).registerResourceProvider(registration);
    // What the admin does with Set-MgmtSvcNotificationSubscriber, through the emulator's route.
    await emulatorPost('/emulator/notificationSubscribers', {
      Name: 'billing', Enabled: true, SubscriberType: 'BillingService', Endpoint: `${server.url}/billingadapter`,
      AuthenticationMode: 'Basic', AuthenticationUsername: RP_USERNAME, AuthenticationPassword: RP_PASSWORD,
    });
    plan = (await emulatorPost('/plans', { DisplayName: 'Gold' })).body.Id;
    for (const user of ['good@tenant.example', 'late@tenant.example']) await emulatorPost('/users', { Name: user });
  });
  afterEach(async () => {
    await server.close();
    await emulator.stop();
  });

  async function emulatorPost(path: string, body: unknown) {
    const res = await fetch(`${admin}${path}`, { method: 'POST', headers: emulator.adminHeaders(), body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  }

  it('a sign-up is approved by our billing adapter and recorded by our notification endpoint', async () => {
    const created = await emulatorPost('/subscriptions', { PlanId: plan, AccountAdminLiveEmailId: 'good@tenant.example' });
    expect(created.status).to.equal(200);
    const id: string = created.body.SubscriptionID;
    expect(created.body).to.include({ State: AdminSubscriptionState.Active, LastErrorMessage: null });

    expect(emulator.subscriberCalls().map((c) => c.status)).to.deep.equal([204]);
    expect(await stored(server, id)).to.deep.include({ accountId: 'good@tenant.example', state: 'active', history: ['active@wap-notification'] });
    const rpView = await call(server, 'GET', `/admin/subscriptions/${id}`);
    expect(rpView.body).to.include({ SubscriptionId: id, State: 0, AdminId: 'good@tenant.example' });
  });

  it('vetoes the sign-up of an overdue account with 403, and the emulator creates nothing', async () => {
    await server.container.get(SetAccountStanding).set('late@tenant.example', 'overdue');
    const refused = await emulatorPost('/subscriptions', { PlanId: plan, AccountAdminLiveEmailId: 'late@tenant.example' });
    expect(refused.status).to.equal(400);
    expect(refused.body).to.include({ Code: 'NotificationSubscriberRejected' });
    expect(emulator.subscriberCalls().map((c) => c.status)).to.deep.equal([403]);
    expect(emulator.store.subscriptions.size).to.equal(0);
    expect(emulator.rpCalls()).to.deep.equal([]);
    const decision = await server.container.get<BillingDecisionStore>(BillingDecisionStore).find('subscription', '1');
    expect(decision).to.include({ verdict: 'rejected', accountId: 'late@tenant.example', reason: 'the account has overdue invoices' });
  });

  it('a suspension through our Admin API client comes back as a notification: active → suspended → active', async () => {
    const id: string = (await emulatorPost('/subscriptions', { PlanId: plan, AccountAdminLiveEmailId: 'good@tenant.example' })).body.SubscriptionID;
    const client = server.container.get(AdminApiClient);

    const suspended = await client.suspendSubscription(id);
    expect(suspended.State).to.equal(AdminSubscriptionState.Suspended);
    expect(emulator.rpCalls().map((c) => `${c.method} ${new URL(c.url).pathname} ${c.status}`)).to.deep.equal([
      'POST /admin/subscriptions 201',
      `PUT /admin/subscriptions/${id} 200`,
    ]);
    expect((await stored(server, id))?.history).to.deep.equal(['active@wap-notification', 'suspended@wap-notification']);

    await client.suspendSubscription(id); // the emulator, like WAP, calls nobody for a state already held
    expect((await client.enableSubscription(id)).State).to.equal(AdminSubscriptionState.Active);
    expect((await stored(server, id))?.history).to.deep.equal(['active@wap-notification', 'suspended@wap-notification', 'active@wap-notification']);
    expect((await client.listSubscriptions()).map((s) => [s.SubscriptionID, s.State])).to.deep.equal([[id, AdminSubscriptionState.Active]]);
  });

  it('a deletion in WAP is approved and recorded as the last state', async () => {
    const id: string = (await emulatorPost('/subscriptions', { PlanId: plan, AccountAdminLiveEmailId: 'good@tenant.example' })).body.SubscriptionID;
    const res = await fetch(`${admin}/subscriptions/${id}`, { method: 'DELETE', headers: emulator.adminHeaders() });
    expect(res.status).to.equal(202);
    expect((await stored(server, id))?.history).to.deep.equal(['active@wap-notification', 'deleted@wap-notification']);
  });

  it('WAP\'s verification reaches our admin endpoint with the registered credentials', async () => {
    const id: string = (await emulatorPost('/subscriptions', { PlanId: plan, AccountAdminLiveEmailId: 'good@tenant.example' })).body.SubscriptionID;
    const registration = resourceProviderRegistration({ publicUrl: server.url, username: RP_USERNAME, password: RP_PASSWORD, instanceId: 'x' });
    const result = await server.container.get(AdminApiClient).verifyResourceProvider({
      ResourceProvider: registration,
      Tests: [{ TestUri: `subscriptions/${id}`, IsAdmin: true }, { TestUri: 'defaultquota', IsAdmin: true }],
    });
    expect(result.HasFailures).to.equal(false);
    expect(result.DetailedResults.map((r) => r.ResponseStatusCode)).to.deep.equal([200, 200]);
  });
});
