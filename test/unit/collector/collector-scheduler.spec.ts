import { expect } from 'chai';
import * as sinon from 'sinon';
import type { CollectFeeds, CollectionReport } from '../../../resource-provider/collector/collect-feeds';
import { CollectorScheduler } from '../../../resource-provider/collector/collector-scheduler';
import { silentLogger } from '../../support/silent-logger';

const clean: CollectionReport = { status: 'collected', feeds: [{ feed: 'usage', pages: 1, new: 10, duplicate: 0, watermark: '11' }] };
const failed: CollectionReport = { status: 'collected', feeds: [{ feed: 'usage', pages: 0, new: 0, duplicate: 0, watermark: '1', error: 'Usage Service answered 503 for /usage' }] };

describe('collector schedule', () => {
  let timers: sinon.SinonFakeTimers;
  let collect: sinon.SinonStub<[], Promise<CollectionReport>>;
  let scheduler: CollectorScheduler;

  beforeEach(() => {
    timers = sinon.useFakeTimers();
    collect = sinon.stub<[], Promise<CollectionReport>>();
    scheduler = new CollectorScheduler({ collect } as unknown as CollectFeeds, { intervalMs: 60_000, batchSize: 100, leaseTtlMs: 120_000, instanceId: 'rp-test' }, silentLogger);
  });
  afterEach(async () => {
    await scheduler.stop();
    timers.restore();
  });

  it('runs at once on start, then once per interval', async () => {
    collect.resolves(clean);
    scheduler.start();
    await timers.tickAsync(0);
    expect(collect.callCount).to.equal(1);
    await timers.tickAsync(59_999);
    expect(collect.callCount).to.equal(1);
    await timers.tickAsync(1);
    expect(collect.callCount).to.equal(2);
  });

  it('doubles the pause after each failing run, up to 16 intervals, and restores it after a clean run', async () => {
    collect.resolves(failed);
    scheduler.start();
    await timers.tickAsync(0);
    expect(scheduler.nextDelayMs()).to.equal(120_000);
    await timers.tickAsync(120_000);
    expect(scheduler.nextDelayMs()).to.equal(240_000);
    for (const wait of [240_000, 480_000, 960_000, 960_000]) await timers.tickAsync(wait);
    expect(collect.callCount).to.equal(6);
    expect(scheduler.nextDelayMs()).to.equal(960_000);

    collect.resolves(clean);
    await timers.tickAsync(960_000);
    expect(scheduler.nextDelayMs()).to.equal(60_000);
  });

  it('runs nothing after stop', async () => {
    collect.resolves(clean);
    scheduler.start();
    await timers.tickAsync(0);
    await scheduler.stop();
    await timers.tickAsync(600_000);
    expect(collect.callCount).to.equal(1);
  });
});
