import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { umzugFor } from '../../../core/persistence/migrator';
import { insertRows, readDate, select } from '../../../core/persistence/stores/sequelize-usage-sql';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

const SUBSCRIPTION = 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10';
const at = (iso: string) => new Date(iso);

describe(`0014 records named by their hours rows on a database that already holds usage on ${testBackend()}`, () => {
  let database: Database;
  const indexes = async () => {
    const names = (await database.sequelize.getQueryInterface().showIndex('usage_records')) as { name: string }[];
    return names.map((i) => i.name);
  };

  before(async () => {
    database = new Database({ url: await freshDatabaseUrl() });
    await umzugFor(database).up({ to: '0013-month-days-rollups' });
    const record = (eventId: number, start: string, end: string, resourceId: string | null, metered: string | null) => ({
      feed: 'usage', event_id: eventId, subscription_id: SUBSCRIPTION, provider_name: 'mysqlservers', payload: '{}',
      received_at: at('2025-03-12T00:00:00Z'), resource_id: resourceId, start_time: at(start), end_time: at(end), metered,
    });
    await database.sequelize.transaction(async (transaction) => {
      await insertRows(database.sequelize, 'usage_records', [
        record(1, '2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', 'db-1', '[["mysql.databases","db-1","1","max"]]'),
        // Across midnight: behind both days' rows of db-1.
        record(2, '2025-03-10T23:00:00Z', '2025-03-11T01:00:00Z', 'db-1', '[["mysql.databases","db-1","2","max"]]'),
        // Billed to another resource than the record's own, and to none.
        record(3, '2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', 'db-1', '[["mysql.databases","db-2","1","max"],["mysql.count",null,"1","max"]]'),
        record(4, '2025-03-10T12:00:00Z', '2025-03-10T13:00:00Z', 'db-1', null),
        // The tail: not rolled up yet, named by the roll-up that takes it.
        record(5, '2025-03-10T13:00:00Z', '2025-03-10T14:00:00Z', 'db-1', '[["mysql.databases","db-1","1","max"]]'),
      ], transaction);
      await insertRows(database.sequelize, 'feed_watermarks', [
        { feed: 'usage', next_start_id: 6, rolled_up_to: 5, last_success_at: null, last_error: null, last_error_at: null },
      ], transaction);
      const hours = (start: string, resourceId: string) => ({ subscription_id: SUBSCRIPTION, bucket_start: at(start), resource_id: resourceId, partials: '{}' });
      await insertRows(database.sequelize, 'usage_rollups_hours', [
        hours('2025-03-10T00:00:00Z', 'db-1'), hours('2025-03-11T00:00:00Z', 'db-1'), hours('2025-03-10T00:00:00Z', 'db-2'), hours('2025-03-10T00:00:00Z', ''),
      ], transaction);
    });
    expect(await indexes()).to.include('usage_records_by_subscription_time');
    await umzugFor(database).up();
  });
  after(() => database.close());

  const eventIds = async () => (await select<{ resource_id: string; bucket_start: Date | string; event_ids: string | null }>(
    database.sequelize, 'SELECT resource_id, bucket_start, event_ids FROM usage_rollups_hours ORDER BY resource_id, bucket_start',
  )).map((r) => [r.resource_id, readDate(r.bucket_start).toISOString(), r.event_ids === null ? null : JSON.parse(r.event_ids)]);

  it('names in each hours row the rolled-up records with usage of its resource in its day', async () => {
    expect(await eventIds()).to.deep.equal([
      ['', '2025-03-10T00:00:00.000Z', { usage: '3' }],
      ['db-1', '2025-03-10T00:00:00.000Z', { usage: '1,2' }],
      ['db-1', '2025-03-11T00:00:00.000Z', { usage: '2' }],
      ['db-2', '2025-03-10T00:00:00.000Z', { usage: '3' }],
    ]);
  });

  it('drops the index of every record by subscription and time, and gives it back when migrated down', async () => {
    expect(await indexes()).not.to.include('usage_records_by_subscription_time');
    await umzugFor(database).down({ to: '0014-rollup-record-ids' });
    expect(await indexes()).to.include('usage_records_by_subscription_time');
    await umzugFor(database).up();
    expect(await eventIds()).to.deep.equal([
      ['', '2025-03-10T00:00:00.000Z', { usage: '3' }],
      ['db-1', '2025-03-10T00:00:00.000Z', { usage: '1,2' }],
      ['db-1', '2025-03-11T00:00:00.000Z', { usage: '2' }],
      ['db-2', '2025-03-10T00:00:00.000Z', { usage: '3' }],
    ]);
  });
});
