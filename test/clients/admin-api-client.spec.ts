import { expect } from 'chai';
import {
  AdminApiClient,
  AdminApiError,
  AdminApiUnavailable,
  type AdminApiSettings,
} from '../../resource-provider/wap/admin-api-client';
import { AdminSubscriptionState } from '../../resource-provider/wap/contract/usage-event';
import { resourceProviderRegistration } from '../../resource-provider/wap/rp-registration';
import { WapNetworkError } from '../../resource-provider/wap/wap-http';
import { WapEmulator } from '../../wap-emulator/wap-emulator';

const TOKEN = 'client-test-token';
const INSTANCE = '5c4b9a52-0000-4000-8000-00000000c111';

describe('Admin API client against the WAP emulator', () => {
  let emulator: WapEmulator;
  let adminApiUrl: string;
  const waits: number[] = [];

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, adminToken: TOKEN, generator: { seed: 3, tenants: 2, resourcesPerTenant: 1, days: 1, start: '2025-03-01' } });
    ({ adminApiUrl } = await emulator.start());
    waits.length = 0;
  });
  afterEach(() => emulator.stop());

  function client(overrides: Partial<AdminApiSettings> = {}): AdminApiClient {
    return new AdminApiClient({
      url: adminApiUrl,
      token: TOKEN,
      principalId: 'wap-billing',
      timeoutMs: 2000,
      retry: { retries: 3, initialDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
      ...overrides,
    });
  }

  const registration = () =>
    resourceProviderRegistration({ publicUrl: 'http://rp.example:30030', username: 'wap', password: 'secret', instanceId: INSTANCE });

  it('registers the RP with the contract\'s endpoints, reads it back, and sends the Bearer token and principal', async () => {
    const created = await client().registerResourceProvider(registration());
    expect(created).to.include({ Name: 'billing', InstanceId: INSTANCE });
    expect(created.NotificationEndpoint).to.include({ ForwardingAddress: 'http://rp.example:30030/admin', AuthenticationMode: 1 });
    expect(created.TenantEndpoint).to.include({ SourceUriTemplate: '{subid}/services/billing/{*path}', TargetUriTemplate: 'subscriptions/{subid}/{*path}' });
    expect((await client().getResourceProvider('billing', INSTANCE))?.DisplayName).to.equal('Usage and Billing');

    const inbound = emulator.calls.list({ direction: 'in' }).find((c) => c.method === 'POST');
    expect(inbound?.headers).to.include({ authorization: `Bearer ${TOKEN}`, 'x-ms-principal-id': 'wap-billing' });
  });

  it('registering again replaces the registration instead of failing or duplicating it', async () => {
    await client().registerResourceProvider(registration());
    const again = await client().registerResourceProvider({ ...registration(), DisplayName: 'Billing v2' });
    expect(again.DisplayName).to.equal('Billing v2');
    expect(emulator.store.resourceProviders.size).to.equal(1);
  });

  it('updates a registration with PUT, and answers undefined for one WAP does not have', async () => {
    await client().registerResourceProvider(registration());
    const updated = await client().updateResourceProvider('billing', INSTANCE, { ...registration(), Enabled: false });
    expect(updated.Enabled).to.equal(false);
    expect(await client().getResourceProvider('billing', 'no-such-instance')).to.equal(undefined);
  });

  it('asks WAP to verify the RP; an unreachable endpoint is a failure with status 0', async () => {
    const result = await client().verifyResourceProvider({
      ResourceProvider: resourceProviderRegistration({ publicUrl: 'http://127.0.0.1:9', username: 'wap', password: 'x', instanceId: INSTANCE }),
      Tests: [{ TestUri: 'defaultquota', IsAdmin: true }],
    });
    expect(result.HasFailures).to.equal(true);
    expect(result.DetailedResults[0].ResponseStatusCode).to.equal(0);
  });

  it('lists subscriptions and plans, and suspends and enables with the Admin-side numbering', async () => {
    const subscriptions = await client().listSubscriptions();
    expect(subscriptions).to.have.length(2);
    expect((await client().listPlans()).map((p) => p.DisplayName)).to.include.members(['Standard', 'Premium']);

    const id = subscriptions[0].SubscriptionID;
    expect((await client().suspendSubscription(id)).State).to.equal(AdminSubscriptionState.Suspended);
    expect(emulator.store.subscriptions.get(id.toLowerCase())?.State).to.equal(2);
    expect((await client().enableSubscription(id)).State).to.equal(AdminSubscriptionState.Active);
    const patch = emulator.calls.list({ direction: 'in' }).filter((c) => c.method === 'PATCH');
    expect(patch.map((c) => c.body)).to.deep.equal([{ SubscriptionId: id, Status: 'Suspended' }, { SubscriptionId: id, Status: 'Active' }]);
  });

  it('retries 503s and dropped connections with doubling waits, then succeeds', async () => {
    emulator.faults.failNext('admin', 2, 503);
    expect(await client().listSubscriptions()).to.have.length(2);
    expect(waits).to.deep.equal([100, 200]);
    emulator.faults.failNext('admin', 1, 'drop');
    expect(await client().listPlans()).to.not.be.empty;
  });

  it('gives up after the last retry with a typed error', async () => {
    emulator.faults.failNext('admin', 10, 500);
    const unavailable = await client().listSubscriptions().catch((e: unknown) => e);
    expect(unavailable).to.be.instanceOf(AdminApiUnavailable);
    expect((unavailable as AdminApiUnavailable).status).to.equal(500);
    expect(waits).to.deep.equal([100, 200, 400]);

    emulator.faults.clear();
    emulator.faults.failNext('admin', 10, 'drop');
    expect(await client().listPlans().catch((e: unknown) => e)).to.be.instanceOf(WapNetworkError);
  });

  it('does not retry a refusal: a wrong token or an unknown subscription fails at once with status and code', async () => {
    const refused = await client({ token: 'wrong' }).listSubscriptions().catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(AdminApiError).and.not.to.be.instanceOf(AdminApiUnavailable);
    expect(refused).to.include({ status: 401, code: 'AuthenticationFailed' });
    const missing = await client().suspendSubscription('0a53e53d-0000-4000-8000-000000000404').catch((e: unknown) => e);
    expect(missing).to.include({ status: 404 });
    expect(waits).to.deep.equal([]);
  });
});
