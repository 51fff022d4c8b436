import { expect } from 'chai';
import type { AdminSubscription, RpSubscription, UsageEvent } from '../../wap-emulator/contract/wap-types';
import { WapEmulator } from '../../wap-emulator/wap-emulator';
import { EmulatorClient } from './emulator-client';
import { basic, FakeEndpoint } from './fake-endpoint';

const subscriptionId = '0a53e53d-1111-4222-8333-444455556666';
const principal = 'admin@emulator.example';

describe('WAP emulator: subscription lifecycle calls to the RP and the billing subscriber', () => {
  let emulator: WapEmulator;
  let client: EmulatorClient;
  let rp: FakeEndpoint;
  let billing: FakeEndpoint;
  let planId: string;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0,
      generator: { seed: 5, tenants: 1, resourcesPerTenant: 1, days: 1, start: '2024-01-01' } });
    rp = new FakeEndpoint();
    billing = new FakeEndpoint();
    billing.statusFor = () => 204;
    const [rpUrl, billingUrl] = await Promise.all([rp.start(), billing.start(), emulator.start()]);
    client = new EmulatorClient(emulator);
    const endpoint = { ForwardingAddress: `${rpUrl}/admin`, AuthenticationMode: 1, AuthenticationUsername: 'wap',
      AuthenticationPassword: 'rp-secret' };
    expect((await client.admin('POST', '/resourceproviders', { Name: 'billing', DisplayName: 'Usage and Billing',
      Enabled: true, AdminEndpoint: endpoint, NotificationEndpoint: endpoint })).status).to.equal(200);
    expect((await client.admin('POST', '/emulator/notificationSubscribers', { Name: 'billingsvc', Enabled: true,
      SubscriberType: 'BillingService', Endpoint: billingUrl, AuthenticationMode: 'Basic',
      AuthenticationUsername: 'approver', AuthenticationPassword: 'approve-secret' })).status).to.equal(200);
    expect((await client.admin('POST', '/users', { Name: 'alice@example.com' })).status).to.equal(201);
    planId = [...emulator.store.plans.values()][0].Id;
  });
  afterEach(() => Promise.all([emulator.stop(), rp.stop(), billing.stop()]));

  const provision = () => client.admin<AdminSubscription & { Code?: string; Message?: string }>('POST', '/subscriptions',
    { SubscriptionId: subscriptionId, FriendlyName: 'Alice Gold', PlanId: planId, AccountAdminLiveEmailId: 'alice@example.com' });

  it('asks the billing subscriber first, then posts the Subscription to the RP notification endpoint', async () => {
    const created = await provision();
    expect(created.status).to.equal(200);
    expect(created.body.State).to.equal(1); // admin numbering: Active

    expect(billing.calls).to.have.length(1);
    const approval = billing.calls[0];
    expect([approval.method, approval.path, approval.authorization]).to.deep.equal(
      ['POST', '/subscriptions', basic('approver', 'approve-secret')]);
    const event = approval.body as UsageEvent<AdminSubscription>;
    expect(event).to.include({ State: 2, Method: 'POST', EntityParentId: planId });
    expect(event.Entity).to.include({ SubscriptionID: subscriptionId, SubscriptionName: 'Alice Gold', PlanId: planId,
      AccountAdminLiveEmailId: 'alice@example.com', State: 0 });
    expect(event.Entity).to.have.keys('SubscriptionID', 'SubscriptionName', 'AccountAdminLiveEmailId', 'ServiceAdminLiveEmailId',
      'CoAdminNames', 'AddOnReferences', 'AddOns', 'State', 'QuotaSyncState', 'ActivationSyncState', 'PlanId', 'Services',
      'LastErrorMessage', 'Features', 'OfferFriendlyName', 'OfferCategory', 'Created');

    expect(rp.calls).to.have.length(1);
    const notice = rp.calls[0];
    expect([notice.method, notice.path, notice.authorization, notice.principalId]).to.deep.equal(
      ['POST', '/admin/subscriptions', basic('wap', 'rp-secret'), principal]);
    expect(notice.body).to.deep.equal({ SubscriptionId: subscriptionId, SubscriptionName: 'Alice Gold', State: 0,
      LifecycleState: 1, LastErrorMessage: null, QuotaSettings: [], AdminId: 'alice@example.com', CoAdminIds: [] });

    const order = emulator.calls.list({ direction: 'out' }).map(c => c.target);
    expect(order).to.deep.equal(['notificationSubscriber', 'resourceProvider']);
    const events = await client.pullAll<UsageEvent<AdminSubscription>>('/billing/subscriptions', 100);
    expect(events.at(-1)).to.deep.include({ State: 3, Method: 'POST', EntityParentId: planId });
    expect(events.at(-1)!.Entity.SubscriptionID).to.equal(subscriptionId);
  });

  it('honours a 403 veto: nothing is created, the RP hears nothing, the error names the subscriber', async () => {
    billing.statusFor = () => 403;
    const feedBefore = emulator.billing.feed('subscriptions').lastEventId;
    const refused = await provision();
    expect(refused.status).to.equal(400);
    expect(refused.body.Code).to.equal('NotificationSubscriberRejected');
    expect(refused.body.Message).to.contain('billingsvc').and.to.contain('403');
    expect(rp.calls).to.deep.equal([]);
    expect((await client.admin('GET', `/subscriptions/${subscriptionId}`)).status).to.equal(404);
    expect(emulator.billing.feed('subscriptions').lastEventId).to.equal(feedBefore);
  });

  it('counts a subscriber that cannot be reached as a veto', async () => {
    await billing.stop();
    const refused = await provision();
    expect(refused.status).to.equal(400);
    expect(refused.body.Code).to.equal('NotificationSubscriberRejected');
    expect(rp.calls).to.deep.equal([]);
  });

  it('suspends with RP State 1 and enables with RP State 0, after approval with Method PUT', async () => {
    await provision();
    const suspended = await client.admin<AdminSubscription>('PATCH', `/subscriptions/${subscriptionId}`,
      { SubscriptionId: subscriptionId, Status: 'Suspended' });
    expect(suspended.status).to.equal(200);
    expect(suspended.body.State).to.equal(2); // admin numbering: Suspended
    expect(billing.calls[1].body).to.deep.include({ Method: 'PUT', State: 2 });
    expect((billing.calls[1].body as UsageEvent<AdminSubscription>).Entity.State).to.equal(2);
    const put = rp.calls[1];
    expect([put.method, put.path]).to.deep.equal(['PUT', `/admin/subscriptions/${subscriptionId}`]);
    expect((put.body as RpSubscription).State).to.equal(1); // RP numbering: Suspended

    const enabled = await client.admin<AdminSubscription>('PATCH', `/subscriptions/${subscriptionId}`, {
      SubscriptionId: subscriptionId, Status: 'Active', PlanId: planId, FriendlyName: 'Alice Gold',
      AccountAdminLiveEmailId: 'alice@example.com' });
    expect(enabled.body.State).to.equal(1);
    expect((rp.calls[2].body as RpSubscription).State).to.equal(0);

    const events = await client.pullAll<UsageEvent<AdminSubscription>>('/billing/subscriptions', 100);
    expect(events.slice(-2).map(e => [e.Method, e.Entity.State])).to.deep.equal([['PUT', 2], ['PUT', 1]]);
  });

  it('leaves a subscription alone when the suspension is vetoed', async () => {
    await provision();
    billing.statusFor = () => 403;
    const refused = await client.admin('PATCH', `/subscriptions/${subscriptionId}`, { Status: 'Suspended' });
    expect(refused.status).to.equal(400);
    expect(rp.calls).to.have.length(1);
    expect((await client.admin<AdminSubscription>('GET', `/subscriptions/${subscriptionId}`)).body.State).to.equal(1);
  });

  it('moves a subscription to another plan after approval, and reports it in the subscriptions feed', async () => {
    await provision();
    const other = [...emulator.store.plans.values()].find((p) => p.Id !== planId)!.Id;
    const moved = await client.admin<AdminSubscription>('PATCH', `/subscriptions/${subscriptionId}`, { SubscriptionId: subscriptionId, PlanId: other });
    expect(moved.status).to.equal(200);
    expect(moved.body.PlanId).to.equal(other);
    expect(billing.calls[1].body).to.deep.include({ Method: 'PUT' });
    expect((billing.calls[1].body as UsageEvent<AdminSubscription>).Entity.PlanId).to.equal(other);
    const events = await client.pullAll<UsageEvent<AdminSubscription>>('/billing/subscriptions', 100);
    expect([events.at(-1)!.Method, events.at(-1)!.Entity.PlanId]).to.deep.equal(['PUT', other]);

    billing.statusFor = () => 403;
    const refused = await client.admin('PATCH', `/subscriptions/${subscriptionId}`, { PlanId: planId });
    expect(refused.status).to.equal(400);
    expect((await client.admin<AdminSubscription>('GET', `/subscriptions/${subscriptionId}`)).body.PlanId).to.equal(other);
    expect((await client.admin('PATCH', `/subscriptions/${subscriptionId}`, { PlanId: 'NoSuchPlan' })).status).to.equal(404);
  });

  it('deletes with approval Method DELETE, then DELETE to the RP, answering 202', async () => {
    await provision();
    const deleted = await client.admin('DELETE', `/subscriptions/${subscriptionId}`);
    expect(deleted.status).to.equal(202);
    expect(billing.calls[1]).to.deep.include({ method: 'POST', path: '/subscriptions' });
    expect(billing.calls[1].body).to.deep.include({ Method: 'DELETE', State: 2 });
    expect([rp.calls[1].method, rp.calls[1].path]).to.deep.equal(['DELETE', `/admin/subscriptions/${subscriptionId}`]);
    expect((rp.calls[1].body as RpSubscription).State).to.equal(2); // RP numbering: DeletePending
    expect((await client.admin('GET', `/subscriptions/${subscriptionId}`)).status).to.equal(404);
    const events = await client.pullAll<UsageEvent<AdminSubscription>>('/billing/subscriptions', 100);
    expect(events.at(-1)!.Method).to.equal('DELETE');
  });

  it('marks the subscription out of sync when the RP fails the notification', async () => {
    rp.statusFor = () => 500;
    const created = await provision();
    expect(created.status).to.equal(200);
    expect(created.body.ActivationSyncState).to.equal(2);
    expect(created.body.LastErrorMessage).to.contain('billing: 500');
  });

  it('approves and records subscription add-ons', async () => {
    await provision();
    const addOnId = [...emulator.store.addOns.values()][0].Id;
    const added = await client.admin<AdminSubscription>('POST', `/subscriptions/${subscriptionId}/addons`, { AddOnId: addOnId });
    expect(added.status).to.equal(200);
    const instanceId = added.body.AddOnReferences[0].AddOnInstanceId;
    expect([billing.calls[1].method, billing.calls[1].path]).to.deep.equal(['PUT', '/subscriptionAddons']);
    expect(billing.calls[1].body).to.deep.include({ Method: 'POST', EntityParentId: subscriptionId });

    const removed = await client.admin<AdminSubscription>('DELETE', `/subscriptions/${subscriptionId}/addons/${instanceId}`);
    expect(removed.body.AddOnReferences).to.deep.equal([]);
    expect([billing.calls[2].method, billing.calls[2].path]).to.deep.equal(['POST', '/subscriptionAddons']);
    expect(billing.calls[2].body).to.deep.include({ Method: 'DELETE' });
    const events = await client.pullAll<UsageEvent>('/billing/subscriptionAddons', 100);
    expect(events.slice(-2).map(e => e.Method)).to.deep.equal(['POST', 'DELETE']);
  });
});
