import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { Database } from '../../../core/persistence/database';
import { SequelizeLeaseStore } from '../../../core/persistence/stores/sequelize-lease-store';
import { SystemClock } from '../../../core/time/clock';
import { COLLECTOR_LEASE } from '../../../resource-provider/collector/collect-feeds';
import { serviceBusMeterDocument, temporaryPluginsDir } from '../../support/plugin-folders';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';
import { wapBilling, type CliResult } from './run-cli';

/** The generator's stream: 2 tenants × 2 resources × 1 day, pulled in pages of 7 records. */
const GENERATOR = { seed: 5, tenants: 2, resourcesPerTenant: 2, days: 1, start: '2025-03-01' };
const BATCH_SIZE = 7;

describe(`npx wap-billing collect and reprocess on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let env: Record<string, string>;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0, generator: GENERATOR });
    const { usageServiceUrl } = await emulator.start();
    env = {
      DATABASE_URL: await freshDatabaseUrl(),
      RP_PASSWORD: 'rp-secret',
      WAP_USAGE_URL: usageServiceUrl,
      WAP_USAGE_USERNAME: 'UsageClient',
      WAP_USAGE_PASSWORD: 'wap-emulator-usage-password',
      COLLECT_BATCH_SIZE: String(BATCH_SIZE),
      COLLECT_RETRY_DELAY_MS: '1',
    };
  });
  afterEach(() => emulator.stop());

  async function collect(overrides: Record<string, string> = {}): Promise<CliResult & { summary: Map<string, string> }> {
    const result = await wapBilling(['collect'], { ...env, ...overrides });
    const summary = new Map(result.stdout.split('\n').filter((l) => /^[a-z-]+: /.test(l)).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
    return { ...result, summary };
  }

  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = new Database({ url: env.DATABASE_URL });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it('drains every feed once, prints a line per feed, and stores each usage record once however often it runs', async () => {
    const records = emulator.usage.lastEventId;
    // Pages of 7 until the empty page: the last page of records is short, and one more page is asked for.
    const pages = Math.ceil(records / BATCH_SIZE);

    const first = await collect();
    expect(first.code, first.stdout + first.stderr).to.equal(0);
    expect(first.summary.get('usage')).to.equal(`${records} new, 0 already stored, ${pages} pages, next startId ${records + 1}`);
    expect([...first.summary.keys()]).to.include.members(['usage', 'plans', 'subscriptions']);

    const again = await collect();
    expect(again.code).to.equal(0);
    expect(again.summary.get('usage')).to.equal(`0 new, 0 already stored, 0 pages, next startId ${records + 1}`);

    const stored = await withDatabase(async (database) => {
      const [[row]] = (await database.sequelize.query("SELECT COUNT(*) AS n, COUNT(DISTINCT event_id) AS ids FROM usage_records WHERE feed = 'usage'")) as [{ n: number | string; ids: number | string }[], unknown];
      const [[mark]] = (await database.sequelize.query("SELECT rolled_up_to, next_start_id FROM feed_watermarks WHERE feed = 'usage'")) as [{ rolled_up_to: number | string; next_start_id: number | string }[], unknown];
      const [[quarantine]] = (await database.sequelize.query("SELECT COUNT(*) AS n FROM quarantined_records WHERE feed = 'usage'")) as [{ n: number | string }[], unknown];
      return { n: Number(row.n), ids: Number(row.ids), quarantined: Number(quarantine.n), rolledUpTo: Number(mark.rolled_up_to), nextStartId: Number(mark.next_start_id) };
    });
    // Stored once each, metered by the built-in meters (none quarantined), and all of it rolled
    // up: the run settles the feed before it ends.
    expect(stored).to.deep.equal({ n: records, ids: records, quarantined: 0, rolledUpTo: records + 1, nextStartId: records + 1 });
  });

  it('says which feed failed and why, and exits 1, when the Usage Service refuses the credentials', async () => {
    const result = await collect({ WAP_USAGE_PASSWORD: 'wrong' });
    expect(result.code).to.equal(1);
    expect(result.summary.get('usage')).to.match(/^FAILED after 0 new, 0 already stored, 0 pages, next startId 0: .*401/);
  });

  it('does nothing and exits 2 while another instance holds the collector lease', async () => {
    expect((await wapBilling(['migrate'], env)).code).to.equal(0);
    await withDatabase((database) => new SequelizeLeaseStore(database, new SystemClock()).tryAcquire(COLLECTOR_LEASE, 'rp-other', 60_000));

    const result = await collect();
    expect(result.code).to.equal(2);
    expect(result.stderr).to.include('Another resource provider instance is collecting now; nothing was done.');
    const stored = await withDatabase(async (database) => (await database.sequelize.query("SELECT COUNT(*) AS n FROM usage_records WHERE feed = 'usage'"))[0] as { n: number | string }[]);
    expect(Number(stored[0].n)).to.equal(0);
  });

  it('keeps the records of a service no meter knows in quarantine until its meter is dropped in; reprocess then meters them, once', async () => {
    const pluginsDir = temporaryPluginsDir();
    env.PLUGINS_DIR = pluginsDir;
    const tenant = emulator.generatedSubscriptionIds[0];
    emulator.usage.append([1, 2].map(() => ({ ProviderName: 'servicebus', SubscriptionId: tenant, ResourceId: 'ns-1', Resources: { MessageCount: '2500000' } })));
    expect((await collect()).code).to.equal(0);

    const reprocess = async () => {
      const result = await wapBilling(['reprocess'], env);
      expect(result.code, result.stdout + result.stderr).to.equal(0);
      return result.stdout.trim();
    };
    expect(await reprocess()).to.equal('2 quarantined records examined: 0 metered and released, 2 still quarantined');

    fs.writeFileSync(path.join(pluginsDir, 'meter.servicebus.meter.json'), JSON.stringify(serviceBusMeterDocument));
    expect(await reprocess()).to.equal('2 quarantined records examined: 2 metered and released, 0 still quarantined');
    expect(await reprocess()).to.equal('0 quarantined records examined: 0 metered and released, 0 still quarantined');

    const metered = await withDatabase(async (database) => (await database.sequelize.query("SELECT metered FROM usage_records WHERE provider_name = 'servicebus'"))[0] as { metered: string }[]);
    // 2,500,000 messages ÷ 1,000,000: 2.5 million messages a record.
    expect(metered.map((r) => JSON.parse(r.metered))).to.deep.equal([[2, ['servicebus.messages', '2.5', 'sum', 'ns-1']], [2, ['servicebus.messages', '2.5', 'sum', 'ns-1']]]);
  });
});
