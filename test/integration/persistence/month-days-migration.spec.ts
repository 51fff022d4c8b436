import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { umzugFor } from '../../../core/persistence/migrator';
import { SequelizeUsageQuery } from '../../../core/persistence/stores/sequelize-usage-query';
import { insertRows, readDate, select } from '../../../core/persistence/stores/sequelize-usage-sql';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

const SUBSCRIPTION = 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10';
const OTHER_SUBSCRIPTION = 'c2f0e1d4-5b6a-4f3e-8d2c-1a0b9c8d7e6f';
const day = (resource: string, requests: string) =>
  `{"vm.count":{"aggregation":"unique-count","resources":["${resource}"]},"web.requests":{"aggregation":"sum","byLength":{"3600000":"${requests}"}}}`;
// A meter id that JSON.stringify puts first, and an aggregation whose state has three fields.
const withOddMeters = `{"42":{"aggregation":"max","max":"3"},"vm.avg-cpu":{"aggregation":"average","wholeSum":"5.5","wholeCount":2,"spanning":{}},${day('vm-2', '1800000').slice(1)}`;

const DAILY_ROWS: readonly (readonly [string, string, string, string])[] = [
  [SUBSCRIPTION, 'vm-1', '2025-03-30T00:00:00.000Z', day('vm-1', '7200000')],
  [SUBSCRIPTION, 'vm-1', '2025-03-31T00:00:00.000Z', day('vm-1', '3600000')],
  [SUBSCRIPTION, 'vm-1', '2025-04-01T00:00:00.000Z', day('vm-1', '10800000')],
  [SUBSCRIPTION, 'vm-2', '2025-03-31T00:00:00.000Z', withOddMeters],
  [SUBSCRIPTION, 'vm-2', '2025-04-02T00:00:00.000Z', day('vm-2', '3600000')],
  [OTHER_SUBSCRIPTION, 'vm-9', '2025-04-15T00:00:00.000Z', day('vm-9', '3600000')],
];

describe(`0013 month days on a database that already holds daily rollups on ${testBackend()}`, () => {
  let database: Database;
  before(async () => {
    database = new Database({ url: await freshDatabaseUrl() });
    await umzugFor(database).up({ to: '0012-subscription-daily-rollups' });
    await database.sequelize.transaction((transaction) => insertRows(database.sequelize, 'usage_rollups_daily', DAILY_ROWS.map(([subscription, resource, at, partials]) => (
      { subscription_id: subscription, bucket_start: new Date(at), resource_id: resource, partials }
    )), transaction));
    await umzugFor(database).up();
  });
  after(() => database.close());

  const rowsOf = (table: string) => select<{ subscription_id: string; resource_id: string; bucket_start: Date | string; partials: string }>(
    database.sequelize, `SELECT subscription_id, resource_id, bucket_start, partials FROM ${table} ORDER BY subscription_id, resource_id, bucket_start`,
  );

  it('keeps each UTC month of a resource in one days row, by day of the month', async () => {
    const rows = await rowsOf('usage_rollups_days');
    expect(rows.map((r) => [r.subscription_id, r.resource_id, readDate(r.bucket_start).toISOString(), JSON.parse(r.partials)])).to.deep.equal([
      [SUBSCRIPTION, 'vm-1', '2025-03-01T00:00:00.000Z', {
        'vm.count': { a: 'unique-count', d: { 30: ['vm-1'], 31: ['vm-1'] } },
        'web.requests': { a: 'sum', d: { 30: { 3600000: '7200000' }, 31: { 3600000: '3600000' } } },
      }],
      [SUBSCRIPTION, 'vm-1', '2025-04-01T00:00:00.000Z', {
        'vm.count': { a: 'unique-count', d: { 1: ['vm-1'] } }, 'web.requests': { a: 'sum', d: { 1: { 3600000: '10800000' } } },
      }],
      [SUBSCRIPTION, 'vm-2', '2025-03-01T00:00:00.000Z', {
        42: { a: 'max', d: { 31: '3' } },
        'vm.count': { a: 'unique-count', d: { 31: ['vm-2'] } },
        'vm.avg-cpu': { a: 'average', d: { 31: { wholeSum: '5.5', wholeCount: 2, spanning: {} } } },
        'web.requests': { a: 'sum', d: { 31: { 3600000: '1800000' } } },
      }],
      [SUBSCRIPTION, 'vm-2', '2025-04-01T00:00:00.000Z', {
        'vm.count': { a: 'unique-count', d: { 2: ['vm-2'] } }, 'web.requests': { a: 'sum', d: { 2: { 3600000: '3600000' } } },
      }],
      [OTHER_SUBSCRIPTION, 'vm-9', '2025-04-01T00:00:00.000Z', {
        'vm.count': { a: 'unique-count', d: { 15: ['vm-9'] } }, 'web.requests': { a: 'sum', d: { 15: { 3600000: '3600000' } } },
      }],
    ]);
  });

  it('drops the daily rollups it replaced', async () => {
    const tables = (await database.sequelize.getQueryInterface().showAllTables()).map((t) => (typeof t === 'string' ? t : (t as { tableName: string }).tableName));
    expect(tables).to.include('usage_rollups_days').and.not.include('usage_rollups_daily');
  });

  it('answers the drill-down by resource as the daily rows did, across the end of a month', async () => {
    const query = new SequelizeUsageQuery(database, new MeterRegistry());
    const byResource = (meterId: string, from: string, to: string) => query.byResource(SUBSCRIPTION, meterId, { from: new Date(from), to: new Date(to) });
    // requests per hour of each day's byLength: vm-1 7200000/3600000 = 2 (30 Mar), 1 (31 Mar), 3 (1 Apr); vm-2 0.5 (31 Mar), 1 (2 Apr)
    expect(await byResource('web.requests', '2025-03-30T00:00:00Z', '2025-04-03T00:00:00Z')).to.deep.equal([
      { resourceId: 'vm-1', quantity: '6' }, { resourceId: 'vm-2', quantity: '1.5' }, // 2 + 1 + 3; 0.5 + 1
    ]);
    expect(await byResource('web.requests', '2025-03-31T00:00:00Z', '2025-04-02T00:00:00Z')).to.deep.equal([
      { resourceId: 'vm-1', quantity: '4' }, { resourceId: 'vm-2', quantity: '0.5' }, // 1 + 3; 0.5
    ]);
    expect(await byResource('vm.avg-cpu', '2025-03-02T00:00:00Z', '2025-03-31T00:00:00Z')).to.deep.equal([]);
    // 5.5 / 2
    expect(await byResource('vm.avg-cpu', '2025-03-02T00:00:00Z', '2025-04-30T00:00:00Z')).to.deep.equal([{ resourceId: 'vm-2', quantity: '2.75' }]);
    expect(await byResource('42', '2025-03-31T00:00:00Z', '2025-04-01T00:00:00Z')).to.deep.equal([{ resourceId: 'vm-2', quantity: '3' }]);
  });

  it('gives the daily rows back when migrated down', async () => {
    await umzugFor(database).down({ to: '0013-month-days-rollups' });
    const rows = await rowsOf('usage_rollups_daily');
    expect(rows.map((r) => [r.subscription_id, r.resource_id, readDate(r.bucket_start).toISOString(), r.partials])).to.deep.equal(
      [...DAILY_ROWS].sort(([s1, r1, d1], [s2, r2, d2]) => (s1 + r1 + d1 < s2 + r2 + d2 ? -1 : 1)),
    );
    const indexes = (await database.sequelize.getQueryInterface().showIndex('usage_rollups_daily')) as { name: string; unique: boolean }[];
    expect(indexes.find((i) => i.name === 'usage_rollups_daily_key')?.unique).to.equal(true);
    await umzugFor(database).up();
  });
});
