import { expect } from 'chai';
import * as sinon from 'sinon';
import { QueryTypes } from 'sequelize';
import { Database } from '../../../core/persistence/database';
import { FeedSink } from '../../../core/usage/collection/feed-sink';
import { UsageFeedSink } from '../../../core/usage/collection/usage-feed-sink';
import { CollectFeeds, type CollectionReport } from '../../../resource-provider/collector/collect-feeds';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { startTestServer, wapHeaders } from '../../support/test-server';
import { ManualClock } from '../../../core/time/clock';
import { COLLECTOR_LEASE_TTL_MS } from '../../../resource-provider/collector/collector-settings';
import { testBackend } from '../../support/test-database';

describe(`collecting WAP usage from the emulator on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let server: RunningServer & { databaseUrl: string };
  let totalRecords: number;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, generator: { seed: 11, tenants: 3, resourcesPerTenant: 3, days: 2, start: '2025-03-01' } });
    const { usageServiceUrl } = await emulator.start();
    totalRecords = emulator.usage.lastEventId;
    server = await startTestServer({
      wapUsage: { url: usageServiceUrl, username: 'UsageClient', password: 'wap-emulator-usage-password' },
      collector: { intervalSeconds: 0, batchSize: 25, retryDelayMs: 1 },
    });
  });
  afterEach(async () => {
    sinon.restore();
    await server.close();
    await emulator.stop();
  });

  async function storedUsageRecords(target: RunningServer = server): Promise<{ rows: number; distinct: number }> {
    const [row] = await target.container.get(Database).sequelize.query<{ total: number | string; distinct_ids: number | string }>(
      "SELECT COUNT(*) AS total, COUNT(DISTINCT event_id) AS distinct_ids FROM usage_records WHERE feed = 'usage'",
      { type: QueryTypes.SELECT },
    );
    return { rows: Number(row.total), distinct: Number(row.distinct_ids) };
  }

  const usageReport = (report: CollectionReport) => (report.status === 'collected' ? report.feeds.find((f) => f.feed === 'usage') : undefined);

  it('drains the usage feed page by page and stores every record once', async () => {
    expect(totalRecords).to.be.greaterThan(50);
    const report = await server.container.get(CollectFeeds).collect();
    expect(usageReport(report)).to.include({ new: totalRecords, duplicate: 0, watermark: String(totalRecords + 1) });
    expect(await storedUsageRecords()).to.deep.equal({ rows: totalRecords, distinct: totalRecords });

    const again = await server.container.get(CollectFeeds).collect();
    expect(usageReport(again)).to.include({ pages: 0, new: 0 });
  });

  it('counts a record repeated across pages once', async () => {
    emulator.overlapPages = 3;
    const report = await server.container.get(CollectFeeds).collect();
    expect(usageReport(report)?.duplicate).to.be.greaterThan(0);
    expect(await storedUsageRecords()).to.deep.equal({ rows: totalRecords, distinct: totalRecords });
  });

  it('loses nothing and duplicates nothing when it crashes between fetching and committing a page', async () => {
    const sink = server.container.get(UsageFeedSink);
    const ingest = sinon.stub(sink, 'ingest').callThrough();
    ingest.onCall(2).rejects(new Error('process killed before commit'));

    const crashed = await server.container.get(CollectFeeds).collect();
    expect(usageReport(crashed)?.error).to.equal('process killed before commit');
    // What the two transactions before the crash stored: two pages of 25, or more where pages read meanwhile were joined.
    const committed = [0, 1].map((call) => ingest.getCall(call).args[1].records.length).reduce((a, b) => a + b);
    expect(committed).to.be.at.least(50);
    expect((await storedUsageRecords()).rows).to.equal(committed);

    ingest.restore();
    await server.container.get(CollectFeeds).collect();
    expect(await storedUsageRecords()).to.deep.equal({ rows: totalRecords, distinct: totalRecords });
  });

  it('loses nothing and duplicates nothing when it crashes after committing, before moving on', async () => {
    const sink = server.container.get(UsageFeedSink);
    const ingest = sinon.stub(sink, 'ingest');
    ingest.callThrough();
    ingest.onCall(1).callsFake(async (feed, page) => {
      await ingest.wrappedMethod.call(sink, feed, page);
      throw new Error('process killed after commit');
    });

    await server.container.get(CollectFeeds).collect();
    ingest.restore();
    const resumed = await server.container.get(CollectFeeds).collect();
    expect(usageReport(resumed)?.duplicate).to.equal(0);
    expect(await storedUsageRecords()).to.deep.equal({ rows: totalRecords, distinct: totalRecords });
  });

  it('shows a failing feed to admins with its error, and clears it after the next success', async () => {
    emulator.faults.failNext('usage', 20, 503);
    await server.container.get(CollectFeeds).collect();
    const failing = await (await fetch(`${server.url}/admin/collector`, { headers: wapHeaders() })).json() as { feeds: { feed: string; lastError: string | null }[] };
    expect(failing.feeds.find((f) => f.feed === 'usage')?.lastError).to.equal('Usage Service answered 503 for /usage');

    emulator.faults.clear();
    const run = await fetch(`${server.url}/admin/collector/run`, { method: 'POST', headers: wapHeaders() });
    expect(usageReport((await run.json()) as CollectionReport)?.new).to.equal(totalRecords);
    const healthy = await (await fetch(`${server.url}/admin/collector`, { headers: wapHeaders() })).json() as { feeds: { feed: string; lastError: string | null; lagSeconds: number }[] };
    const usage = healthy.feeds.find((f) => f.feed === 'usage');
    expect(usage?.lastError).to.equal(null);
    // MariaDB keeps whole seconds, so a success a moment ago may read as one second old
    expect(usage?.lagSeconds).to.be.within(0, 2);
  });

  it('lets only one of two resource providers on one database collect at a time', async () => {
    const second = await startTestServer({
      databaseUrl: server.databaseUrl,
      wapUsage: { url: emulator.urls().usageServiceUrl, username: 'UsageClient', password: 'wap-emulator-usage-password' },
      collector: { intervalSeconds: 0, batchSize: 25, retryDelayMs: 1 },
    });
    try {
      const active = new Set<string>();
      let overlapped = false;
      for (const [name, rp] of [['first', server], ['second', second]] as const) {
        const sink = rp.container.getAll<FeedSink>(FeedSink)[0];
        const ingest = sink.ingest.bind(sink);
        sinon.stub(sink, 'ingest').callsFake(async (feed, page) => {
          active.add(name);
          if (active.size > 1) overlapped = true;
          try {
            return await ingest(feed, page);
          } finally {
            active.delete(name);
          }
        });
      }
      const reports = await Promise.all([server.container.get(CollectFeeds).collect(), second.container.get(CollectFeeds).collect()]);
      expect(reports.map((r) => r.status).sort()).to.deep.equal(['collected', 'lease-held']);
      expect(overlapped).to.equal(false);
      expect(await storedUsageRecords()).to.deep.equal({ rows: totalRecords, distinct: totalRecords });
    } finally {
      await second.close();
    }
  });

  it('hands the collecting over to another resource provider once the lease of one that hung has expired', async () => {
    // The first hangs on its third page (a process frozen, a host gone): it never gives the lease back.
    const sink = server.container.get(UsageFeedSink);
    const ingest = sinon.stub(sink, 'ingest').callThrough();
    ingest.onCall(2).returns(new Promise(() => {}));
    void server.container.get(CollectFeeds).collect();
    while (ingest.callCount < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const committed = [0, 1].map((call) => ingest.getCall(call).args[1].records.length).reduce((a, b) => a + b);

    const clock = new ManualClock(new Date());
    const second = await startTestServer(
      {
        databaseUrl: server.databaseUrl,
        wapUsage: { url: emulator.urls().usageServiceUrl, username: 'UsageClient', password: 'wap-emulator-usage-password' },
        collector: { intervalSeconds: 0, batchSize: 25, retryDelayMs: 1 },
      },
      { clock },
    );
    try {
      expect((await second.container.get(CollectFeeds).collect()).status).to.equal('lease-held');
      expect((await storedUsageRecords()).rows).to.equal(committed);

      clock.advance(COLLECTOR_LEASE_TTL_MS + 1000);
      const report = await second.container.get(CollectFeeds).collect();
      expect(usageReport(report)).to.include({ new: totalRecords - committed, duplicate: 0 });
      expect(await storedUsageRecords()).to.deep.equal({ rows: totalRecords, distinct: totalRecords });
    } finally {
      await second.close();
    }
  });
});
