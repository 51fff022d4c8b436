import { expect } from 'chai';
import { WapEmulator } from '../../wap-emulator/wap-emulator';
import { EmulatorClient } from './emulator-client';

describe('WAP emulator: injected faults', () => {
  let emulator: WapEmulator;
  let client: EmulatorClient;
  const usageUrl = (path: string) => `${emulator.urls().usageServiceUrl}${path}?startId=1&batchSize=10`;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0,
      generator: { seed: 9, tenants: 1, resourcesPerTenant: 2, days: 1, start: '2024-01-01' } });
    await emulator.start();
    client = new EmulatorClient(emulator);
  });
  afterEach(() => emulator.stop());

  it('fails the next requests to one feed with the given status, then serves again', async () => {
    emulator.faults.failNext('usage', 2, 503);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(usageUrl('/usage'), { headers: emulator.usageHeaders() })).status);
    expect(statuses).to.deep.equal([503, 503, 200]);
  });

  it('leaves the other feeds alone', async () => {
    emulator.faults.failNext('plans', 1, 500);
    expect((await fetch(usageUrl('/usage'), { headers: emulator.usageHeaders() })).status).to.equal(200);
    const failed = await fetch(usageUrl('/billing/plans'), { headers: emulator.usageHeaders() });
    expect(failed.status).to.equal(500);
    expect(await failed.json()).to.have.keys('Code', 'Message', 'Details');
    expect(emulator.faults.pendingFailures('plans')).to.equal(0);
  });

  it('drops the connection without an answer', async () => {
    emulator.faults.failNext('subscriptions', 1, 'drop');
    let error: unknown;
    try {
      await fetch(usageUrl('/billing/subscriptions'), { headers: emulator.usageHeaders() });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(await client.feed('/billing/subscriptions', 1, 10)).to.have.length(1);
  });

  it('fails Admin API calls but never the emulator-only routes', async () => {
    emulator.faults.failNext('admin', 1, 500);
    expect((await client.admin('GET', '/emulator/notificationSubscribers')).status).to.equal(200);
    expect((await client.admin('GET', '/subscriptions')).status).to.equal(500);
    expect((await client.admin('GET', '/subscriptions')).status).to.equal(200);
  });

  it('delays a feed by the latency set, until set back to 0', async () => {
    emulator.faults.setLatency('usage', 150);
    let started = Date.now();
    await client.feed('/usage', 1, 1);
    expect(Date.now() - started).to.be.at.least(140);
    emulator.faults.setLatency('usage', 0);
    started = Date.now();
    await client.feed('/usage', 1, 1);
    expect(Date.now() - started).to.be.below(140);
  });

  it('logs what it received, with the status answered', async () => {
    emulator.faults.failNext('usage', 1, 500);
    await fetch(usageUrl('/usage'), { headers: emulator.usageHeaders() });
    await client.feed('/usage', 1, 10);
    expect(emulator.calls.list({ direction: 'in', target: 'usage' }).map(c => c.status)).to.deep.equal([500, 200]);
  });
});
