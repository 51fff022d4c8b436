import { expect } from 'chai';
import type { ResourceProvider } from '../../wap-emulator/contract/wap-types';
import { WapEmulator } from '../../wap-emulator/wap-emulator';
import { AdminAnswer, EmulatorClient } from './emulator-client';
import { basic, FakeEndpoint } from './fake-endpoint';

describe('WAP emulator: Admin API', () => {
  let emulator: WapEmulator;
  let client: EmulatorClient;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, adminToken: 'the-token', usageUsername: 'u', usagePassword: 'p' });
    await emulator.start();
    client = new EmulatorClient(emulator);
  });
  afterEach(() => emulator.stop());

  describe('authentication', () => {
    const call = (headers: Record<string, string>) => fetch(`${emulator.urls().adminApiUrl}/subscriptions`, { headers });

    it('answers 401 with a management error without a Bearer token or with a wrong one', async () => {
      const attempts: Record<string, string>[] = [{ 'x-ms-principal-id': 'a' }, { authorization: 'Bearer nope', 'x-ms-principal-id': 'a' }];
      for (const headers of attempts) {
        const response = await call(headers);
        expect(response.status).to.equal(401);
        expect(await response.json()).to.include({ Code: 'AuthenticationFailed' }).and.to.have.keys('Code', 'Message', 'Details');
      }
    });

    it('answers 400 without x-ms-principal-id', async () => {
      const response = await call({ authorization: 'Bearer the-token' });
      expect(response.status).to.equal(400);
      expect(await response.json()).to.include({ Code: 'MissingPrincipalId' });
    });

    it('refuses Usage Service calls without the right Basic credentials', async () => {
      const url = `${emulator.urls().usageServiceUrl}/usage?startId=1&batchSize=1`;
      expect((await fetch(url)).status).to.equal(401);
      expect((await fetch(url, { headers: { authorization: basic('u', 'wrong') } })).status).to.equal(401);
      expect((await fetch(url, { headers: { authorization: basic('u', 'p') } })).status).to.equal(200);
    });
  });

  describe('resource providers', () => {
    const endpoint = (url: string) => ({ ForwardingAddress: url, AuthenticationMode: 1, AuthenticationUsername: 'wap',
      AuthenticationPassword: 'rp-secret' });

    it('registers, reads, replaces and removes a resource provider', async () => {
      const created = await client.admin<ResourceProvider>('POST', '/resourceproviders',
        { Name: 'billing', DisplayName: 'Usage and Billing', AdminEndpoint: endpoint('http://rp:30030/admin') });
      expect(created.status).to.equal(200);
      const instanceId = created.body.InstanceId!;
      expect(instanceId).to.be.a('string');
      expect((await client.admin<ResourceProvider[]>('GET', '/resourceproviders?includeSystemResourceProviders=false')).body)
        .to.have.length(1);
      const path = `/resourceproviders/billing/${instanceId}`;
      expect((await client.admin<ResourceProvider>('GET', path)).body.DisplayName).to.equal('Usage and Billing');
      const replaced = await client.admin<ResourceProvider>('PUT', path, { Name: 'billing', DisplayName: 'Billing 2' });
      expect([replaced.status, replaced.body.DisplayName, replaced.body.InstanceId]).to.deep.equal([200, 'Billing 2', instanceId]);
      expect((await client.admin('DELETE', path)).status).to.equal(200);
      expect((await client.admin('GET', path)).status).to.equal(404);
    });

    it('refuses a name with other characters than letters and digits, and a second instance', async () => {
      expect((await client.admin('POST', '/resourceproviders', { Name: 'usage-billing' })).status).to.equal(400);
      expect((await client.admin('POST', '/resourceproviders', { Name: 'billing' })).status).to.equal(200);
      expect((await client.admin('POST', '/resourceproviders', { Name: 'billing' })).status).to.equal(409);
    });

    it('verifies by calling the RP with the endpoint credentials and reporting each status', async () => {
      const rp = new FakeEndpoint();
      rp.statusFor = (_method, path) => (path.endsWith('/missing') ? 404 : 200);
      const rpUrl = await rp.start();
      try {
        const answer = await client.admin<{ HasFailures: boolean; DetailedResults: { TestUri: string; ResponseStatusCode: number }[] }>(
          'POST', '/resourceproviderverification', {
            ResourceProvider: { Name: 'billing', AdminEndpoint: endpoint(`${rpUrl}/admin`), TenantEndpoint: endpoint(`${rpUrl}/`) },
            Tests: [{ TestUri: `${rpUrl}/admin/settings`, IsAdmin: true }, { TestUri: 'missing', IsAdmin: false },
              { TestUri: 'http://127.0.0.1:1/nothing', IsAdmin: true }],
          });
        expect(answer.body.HasFailures).to.equal(true);
        expect(answer.body.DetailedResults.map(r => r.ResponseStatusCode)).to.deep.equal([200, 404, 0]);
        expect(rp.calls.map(c => [c.path, c.authorization])).to.deep.equal(
          [['/admin/settings', basic('wap', 'rp-secret')], ['/missing', basic('wap', 'rp-secret')]]);
      } finally {
        await rp.stop();
      }
    });
  });

  it('creates, lists and reads users, plans and add-ons with WAP-like ids', async () => {
    expect((await client.admin('POST', '/users', { Name: 'bob@example.com' })).status).to.equal(201);
    expect((await client.admin('POST', '/users', { Name: 'bob@example.com' })).status).to.equal(409);
    const users = await client.admin<{ items: AdminAnswer[]; totalCount: number; filteredTotalCount: number }>('GET', '/users');
    expect([users.body.totalCount, users.body.filteredTotalCount]).to.deep.equal([1, 1]);

    const addOn = await client.admin('POST', '/addons', { DisplayName: 'Extra Storage' });
    const plan = await client.admin('POST', '/plans', { DisplayName: 'Gold Plan', AddOnIds: [addOn.body.Id],
      ServiceQuotas: [{ ServiceName: 'sqlservers' }] });
    expect(plan.status).to.equal(201);
    expect(plan.body.Id).to.match(/^GoldP[a-z]{8}$/);
    expect((await client.admin('GET', `/plans/${String(plan.body.Id)}`)).body).to.deep.equal(plan.body);
    expect(emulator.billing.feed('planServices').lastEventId).to.equal(1);
    expect(emulator.billing.feed('planAddons').lastEventId).to.equal(1);

    const sub = await client.admin('POST', '/subscriptions', { PlanId: plan.body.Id, AccountAdminLiveEmailId: 'bob@example.com' });
    expect(sub.status).to.equal(200);
    const list = await client.admin<{ items: AdminAnswer[] }>('GET', '/subscriptions');
    expect(list.body.items.map(s => s.SubscriptionID)).to.deep.equal([sub.body.SubscriptionID]);
    expect((await client.admin('DELETE', '/users/bob@example.com')).status).to.equal(409);
  });
});
