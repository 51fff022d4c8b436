import { expect } from 'chai';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { ManualClock } from '../../../core/time/clock';
import { UsageStore } from '../../../core/usage/store/usage-store';
import { startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { call, rpSubscription, stored, SUB_A, SUB_B } from './wap-samples';

describe(`WAP notification endpoint (CONTRACT §4) on ${testBackend()}`, () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  describe('POST /admin/subscriptions', () => {
    it('answers 201 with the body echoed, and records the subscription, its account and quota', async () => {
      const res = await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      expect(res.status).to.equal(201);
      expect(res.body).to.deep.equal(rpSubscription());
      expect(await stored(server, SUB_A)).to.deep.include({
        accountId: 'tenant-a@example.com',
        name: 'Gold',
        state: 'active',
        quota: [{ key: 'Billing.Tier', value: 'gold' }],
        history: ['active@wap-notification'],
      });
    });

    it('treats a repeated creation as a retry: same answer, one history row', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const again = await call(server, 'POST', '/admin/subscriptions', rpSubscription({ SubscriptionId: SUB_A.toUpperCase() }));
      expect(again.status).to.equal(201);
      expect((await stored(server, SUB_A))?.history).to.deep.equal(['active@wap-notification']);
    });
  });

  describe('GET /admin/subscriptions/{id}', () => {
    it('answers the stored subscription in the RP-side form', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription({ State: 1 }));
      const res = await call(server, 'GET', `/admin/subscriptions/${SUB_A}`);
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({
        SubscriptionId: SUB_A,
        SubscriptionName: 'Gold',
        State: 1,
        LifecycleState: 0,
        LastErrorMessage: null,
        QuotaSettings: [{ Key: 'Billing.Tier', Value: 'gold' }],
        AdminId: 'tenant-a@example.com',
        CoAdminIds: [],
      });
    });

    it('answers 404 with a WAP error for an unknown subscription', async () => {
      const res = await call(server, 'GET', `/admin/subscriptions/${SUB_B}`);
      expect(res.status).to.equal(404);
      expect(res.body).to.include({ Code: 'SubscriptionNotFound' });
    });
  });

  describe('PUT /admin/subscriptions/{id} and the samples\' PUT /admin/subscriptions', () => {
    it('records suspend then activate as history, and a repeated PUT adds no row', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const suspended = await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: 1, LifecycleState: 2 }));
      expect(suspended.status).to.equal(200);
      expect(suspended.body).to.include({ SubscriptionId: SUB_A, State: 1 });
      await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: 1, LifecycleState: 2 }));
      const activated = await call(server, 'PUT', '/admin/subscriptions', rpSubscription({ State: 0, LifecycleState: 2 }));
      expect(activated.status).to.equal(200);
      await call(server, 'PUT', '/admin/subscriptions', rpSubscription({ State: 0, LifecycleState: 2 }));
      expect((await stored(server, SUB_A))?.history).to.deep.equal(['active@wap-notification', 'suspended@wap-notification', 'active@wap-notification']);
    });

    it('maps RP-side State 2 to deleted-pending', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      await call(server, 'PUT', '/admin/subscriptions', rpSubscription({ State: 2 }));
      expect((await stored(server, SUB_A))?.state).to.equal('deleted-pending');
    });

    it('creates a subscription first heard of through a state change, since WAP knows it', async () => {
      const res = await call(server, 'PUT', `/admin/subscriptions/${SUB_B}`, rpSubscription({ SubscriptionId: SUB_B, State: 1 }));
      expect(res.status).to.equal(200);
      expect(await stored(server, SUB_B)).to.include({ state: 'suspended', accountId: 'tenant-a@example.com' });
    });
  });

  describe('DELETE /admin/subscriptions/{id} and the samples\' DELETE /admin/subscriptions', () => {
    it('records the deletion once; a repeated DELETE answers 200 and adds nothing', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const res = await call(server, 'DELETE', `/admin/subscriptions/${SUB_A}`, rpSubscription({ State: 2, LifecycleState: 3 }));
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ SubscriptionId: SUB_A });
      expect((await call(server, 'DELETE', `/admin/subscriptions/${SUB_A}`)).status).to.equal(200);
      expect((await stored(server, SUB_A))?.history).to.deep.equal(['active@wap-notification', 'deleted@wap-notification']);
      expect((await call(server, 'GET', `/admin/subscriptions/${SUB_A}`)).status).to.equal(404);
    });

    it('accepts the body-only form', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription({ SubscriptionId: SUB_B }));
      const res = await call(server, 'DELETE', '/admin/subscriptions', rpSubscription({ SubscriptionId: SUB_B, State: 2, LifecycleState: 3 }));
      expect(res.status).to.equal(200);
      expect((await stored(server, SUB_B))?.state).to.equal('deleted');
    });

    it('answers 200 for a subscription it never heard of, storing nothing', async () => {
      const res = await call(server, 'DELETE', '/admin/subscriptions', rpSubscription({ SubscriptionId: SUB_B }));
      expect(res.status).to.equal(200);
      expect(await stored(server, SUB_B)).to.equal(undefined);
    });

    it('refuses to bring a deleted subscription back with 409', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      await call(server, 'DELETE', `/admin/subscriptions/${SUB_A}`);
      const res = await call(server, 'PUT', `/admin/subscriptions/${SUB_A}`, rpSubscription());
      expect(res.status).to.equal(409);
      expect(res.body).to.include({ Code: 'SubscriptionDeleted' });
      expect((await stored(server, SUB_A))?.state).to.equal('deleted');
    });
  });

  describe('PUT /admin/quota and GET /admin/defaultquota', () => {
    const batch = {
      BaseQuota: [{ Key: 'Billing.Tier', Value: 'silver' }, { Key: 'Budget', Value: '100' }],
      AddOnQuotas: [[{ Key: 'Budget', Value: '150' }]],
      SubscriptionIdsToUpdate: [SUB_A, SUB_B],
    };

    it('applies the merged quota to known subscriptions and lists unknown ones as failed', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const res = await call(server, 'PUT', '/admin/quota', batch);
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ UpdatedSubscriptionIds: [SUB_A], FailedSubscriptionIds: [SUB_B] });
      expect(res.body.Error).to.include({ Code: 'SubscriptionNotFound' });
      // The add-on's Budget (150) applies over the base's (100).
      expect((await stored(server, SUB_A))?.quota).to.deep.equal([{ key: 'Billing.Tier', value: 'silver' }, { key: 'Budget', value: '150' }]);
    });

    it('with ?validateOnly=true answers the same outcome and stores nothing', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const res = await call(server, 'PUT', '/admin/quota?validateOnly=true', batch);
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.include({ UpdatedSubscriptionIds: [SUB_A], FailedSubscriptionIds: [SUB_B] });
      expect((await stored(server, SUB_A))?.quota).to.deep.equal([{ key: 'Billing.Tier', value: 'gold' }]);
    });

    it('answers Error null when every subscription was updated', async () => {
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      const res = await call(server, 'PUT', '/admin/quota', { ...batch, SubscriptionIdsToUpdate: [SUB_A] });
      expect(res.body).to.deep.equal({ UpdatedSubscriptionIds: [SUB_A], FailedSubscriptionIds: [], Error: null });
    });

    it('GET /admin/defaultquota answers the (empty) default quota list', async () => {
      const res = await call(server, 'GET', '/admin/defaultquota');
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal([]);
    });
  });

  describe('GET /admin/subscriptions/{id}/usagesummary', () => {
    it('answers a ServiceUsageSummary of the usage stored so far this month', async () => {
      await server.close();
      server = await startTestServer({}, { clock: new ManualClock('2025-03-10T12:34:00Z') });
      await call(server, 'POST', '/admin/subscriptions', rpSubscription());
      await server.container.get<UsageStore>(UsageStore).ingest('usage', {
        nextStartId: '3',
        records: [
          { EventId: 1, ResourceId: 'db-1', StartTime: '2025-03-01T00:00:00', EndTime: '2025-03-01T02:00:00', ProviderName: 'mysqlservers', SubscriptionId: SUB_A.toUpperCase(), Resources: { TotalAllottedSpace: '512', DatabaseCount: '1' } },
          // February's usage is not this month's
          { EventId: 2, ResourceId: 'db-1', StartTime: '2025-02-27T00:00:00', EndTime: '2025-02-27T02:00:00', ProviderName: 'mysqlservers', SubscriptionId: SUB_A, Resources: { TotalAllottedSpace: '512', DatabaseCount: '1' } },
        ],
      });
      const res = await call(server, 'GET', `/admin/subscriptions/${SUB_A}/usagesummary`);
      expect(res.status).to.equal(200);
      expect(res.body).to.deep.equal({
        ServiceName: 'billing',
        ServiceDisplayName: 'Usage and Billing',
        RetrievedSuccessfully: true,
        ErrorMessage: null,
        Usages: [
          // 0.5 GB held for 2 hours = 1 GB-hour
          { DisplayName: 'MySQL allotted space', CurrentValue: 1, Limit: -1, UnitDisplayName: 'GB-hour', GroupId: 'mysql', GroupDisplayName: 'mysql' },
          { DisplayName: 'MySQL databases', CurrentValue: 1, Limit: -1, UnitDisplayName: 'database', GroupId: 'mysql', GroupDisplayName: 'mysql' },
        ],
      });
    });

    it('answers 404 for an unknown subscription', async () => {
      expect((await call(server, 'GET', `/admin/subscriptions/${SUB_B}/usagesummary`)).status).to.equal(404);
    });
  });
});
