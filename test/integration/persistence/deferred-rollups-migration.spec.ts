import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { umzugFor } from '../../../core/persistence/migrator';
import { insertRows, readBigint, readDate, select } from '../../../core/persistence/stores/sequelize-usage-sql';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

const SUBSCRIPTION = 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10';
const partials = (quantity: string) => `{"mysql.databases":{"aggregation":"max","max":"${quantity}"}}`;

describe(`0011 deferred rollups on a database that already holds usage on ${testBackend()}`, () => {
  let database: Database;
  before(async () => {
    database = new Database({ url: await freshDatabaseUrl() });
    await umzugFor(database).up({ to: '0010-custom-billing-cycles' });
    const at = (iso: string) => new Date(iso);
    await database.sequelize.transaction(async (transaction) => {
      await insertRows(database.sequelize, 'usage_rollups_hourly', [
        { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-10T10:00:00Z'), resource_id: 'db-1', partials: partials('1') },
        { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-10T23:00:00Z'), resource_id: 'db-1', partials: partials('2') },
        { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-11T00:00:00Z'), resource_id: 'db-1', partials: partials('3') },
        { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-10T10:00:00Z'), resource_id: 'db-2', partials: partials('4') },
      ], transaction);
      await insertRows(database.sequelize, 'usage_records', [
        { feed: 'usage', event_id: 7, subscription_id: SUBSCRIPTION, provider_name: 'mysqlservers', payload: '{}', received_at: at('2025-03-12T00:00:00Z'), metered: '[]' },
        { feed: 'subscriptions', event_id: 3, subscription_id: SUBSCRIPTION, provider_name: null, payload: '{}', received_at: at('2025-03-12T00:00:00Z'), metered: null },
      ], transaction);
      await insertRows(database.sequelize, 'feed_watermarks', [
        { feed: 'usage', next_start_id: 8, last_success_at: null, last_error: null, last_error_at: null },
        { feed: 'subscriptions', next_start_id: 4, last_success_at: null, last_error: null, last_error_at: null },
      ], transaction);
    });
    await umzugFor(database).up();
  });
  after(() => database.close());

  it('keeps each UTC day of a resource in one hours row', async () => {
    const rows = await select<{ resource_id: string; bucket_start: Date | string; partials: string }>(
      database.sequelize, 'SELECT resource_id, bucket_start, partials FROM usage_rollups_hours ORDER BY resource_id, bucket_start',
    );
    // by meter, its aggregation once and each hour's state
    expect(rows.map((r) => [r.resource_id, readDate(r.bucket_start).toISOString(), JSON.parse(r.partials)])).to.deep.equal([
      ['db-1', '2025-03-10T00:00:00.000Z', { 'mysql.databases': { a: 'max', h: { 10: '1', 23: '2' } } }],
      ['db-1', '2025-03-11T00:00:00.000Z', { 'mysql.databases': { a: 'max', h: { 0: '3' } } }],
      ['db-2', '2025-03-10T00:00:00.000Z', { 'mysql.databases': { a: 'max', h: { 10: '4' } } }],
    ]);
  });

  it('counts every stored usage record as rolled up, and leaves the catalogue feeds out', async () => {
    const rows = await select<{ feed: string; rolled_up_to: string | number | null }>(
      database.sequelize, 'SELECT feed, rolled_up_to FROM feed_watermarks ORDER BY feed',
    );
    expect(rows.map((r) => [r.feed, r.rolled_up_to === null ? null : readBigint(r.rolled_up_to)])).to.deep.equal([['subscriptions', null], ['usage', '8']]);
  });

  it('gives the hourly rows back when migrated down', async () => {
    await umzugFor(database).down({ to: '0011-deferred-rollups' });
    const rows = await select<{ resource_id: string; bucket_start: Date | string; partials: string }>(
      database.sequelize, 'SELECT resource_id, bucket_start, partials FROM usage_rollups_hourly ORDER BY resource_id, bucket_start',
    );
    expect(rows.map((r) => [r.resource_id, readDate(r.bucket_start).toISOString(), r.partials])).to.deep.equal([
      ['db-1', '2025-03-10T10:00:00.000Z', partials('1')],
      ['db-1', '2025-03-10T23:00:00.000Z', partials('2')],
      ['db-1', '2025-03-11T00:00:00.000Z', partials('3')],
      ['db-2', '2025-03-10T10:00:00.000Z', partials('4')],
    ]);
    await umzugFor(database).up();
  });
});
