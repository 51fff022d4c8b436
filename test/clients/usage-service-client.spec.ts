import { expect } from 'chai';
import { UsageServiceClient, UsageServiceError, type UsageServiceSettings } from '../../resource-provider/wap/usage-service-client';
import { WapNetworkError } from '../../resource-provider/wap/wap-http';
import { WapEmulator } from '../../wap-emulator/wap-emulator';

interface WireRecord {
  EventId: number;
  ProviderName: string;
  Resources: Record<string, string>;
}

describe('Usage Service client against the WAP emulator', () => {
  let emulator: WapEmulator;
  let usageServiceUrl: string;
  const waits: number[] = [];

  before(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, generator: { seed: 7, tenants: 2, resourcesPerTenant: 2, days: 1, start: '2025-03-01' } });
    ({ usageServiceUrl } = await emulator.start());
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.faults.clear();
    waits.length = 0;
  });

  function client(overrides: Partial<UsageServiceSettings> = {}): UsageServiceClient {
    return new UsageServiceClient({
      url: usageServiceUrl,
      username: 'UsageClient',
      password: 'wap-emulator-usage-password',
      timeoutMs: 2000,
      retry: { retries: 3, initialDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
      ...overrides,
    });
  }

  it('pages through /usage from startId in EventId order, and answers [] past the end', async () => {
    const first = (await client().page('usage', '1', 5)).records as WireRecord[];
    expect(first.map((r) => r.EventId)).to.deep.equal([1, 2, 3, 4, 5]);
    const next = (await client().page('usage', '6', 5)).records as WireRecord[];
    expect(next[0].EventId).to.equal(6);
    expect((await client().page('usage', '999999999', 5)).records).to.deep.equal([]);
  });

  it('reads each of the six billing feeds', async () => {
    const { records: subscriptions } = await client().page('subscriptions', '1', 100);
    expect(subscriptions.length).to.be.greaterThan(0);
    for (const feed of ['plans', 'planServices', 'planAddons', 'addons', 'subscriptionAddons'] as const) {
      expect((await client().page(feed, '1', 10)).records).to.be.an('array');
    }
  });

  it('retries 503s and dropped connections with doubling waits, then returns the page', async () => {
    emulator.faults.failNext('usage', 2, 503);
    expect(((await client().page('usage', '1', 2)).records as WireRecord[]).map((r) => r.EventId)).to.deep.equal([1, 2]);
    expect(waits).to.deep.equal([100, 200]);

    emulator.faults.failNext('usage', 1, 'drop');
    expect((await client().page('usage', '1', 1)).records).to.have.length(1);
  });

  it('gives up after the last retry with the transient error', async () => {
    emulator.faults.failNext('usage', 10, 'drop');
    const error = await client().page('usage', '1', 1).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(WapNetworkError);
    expect(waits).to.deep.equal([100, 200, 400]);
  });

  it('does not retry a refusal: a wrong password fails at once with the status', async () => {
    const error = await client({ password: 'wrong' }).page('usage', '1', 1).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(UsageServiceError);
    expect((error as UsageServiceError).status).to.equal(401);
    expect(waits).to.deep.equal([]);
  });
});
