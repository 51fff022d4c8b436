import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { umzugFor } from '../../../core/persistence/migrator';
import { insertRows, readDate, select } from '../../../core/persistence/stores/sequelize-usage-sql';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

const SUBSCRIPTION = 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10';
const day = (resource: string, requests: string) =>
  `{"vm.count":{"aggregation":"unique-count","resources":["${resource}"]},"web.requests":{"aggregation":"sum","byLength":{"3600000":"${requests}"}}}`;

describe(`0012 subscription days on a database that already holds rollups on ${testBackend()}`, () => {
  let database: Database;
  before(async () => {
    database = new Database({ url: await freshDatabaseUrl() });
    await umzugFor(database).up({ to: '0011-deferred-rollups' });
    const at = (iso: string) => new Date(iso);
    await database.sequelize.transaction((transaction) => insertRows(database.sequelize, 'usage_rollups_daily', [
      { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-10T00:00:00Z'), resource_id: 'vm-1', partials: day('vm-1', '7200000') },
      { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-10T00:00:00Z'), resource_id: 'vm-2', partials: day('vm-2', '1800000.5') },
      { subscription_id: SUBSCRIPTION, bucket_start: at('2025-03-11T00:00:00Z'), resource_id: 'vm-1', partials: day('vm-1', '3600000') },
    ], transaction));
    await umzugFor(database).up();
  });
  after(() => database.close());

  it('gives each day of a subscription one row of its resources combined', async () => {
    const rows = await select<{ subscription_id: string; bucket_start: Date | string; partials: string }>(
      database.sequelize, 'SELECT subscription_id, bucket_start, partials FROM usage_rollups_subscription_daily ORDER BY bucket_start',
    );
    expect(rows.map((r) => [r.subscription_id, readDate(r.bucket_start).toISOString(), JSON.parse(r.partials)])).to.deep.equal([
      // two VMs counted, their requests' numerators added: 7200000 + 1800000.5
      [SUBSCRIPTION, '2025-03-10T00:00:00.000Z', JSON.parse(`{"vm.count":{"aggregation":"unique-count","resources":["vm-1","vm-2"]},"web.requests":{"aggregation":"sum","byLength":{"3600000":"9000000.5"}}}`)],
      [SUBSCRIPTION, '2025-03-11T00:00:00.000Z', JSON.parse(day('vm-1', '3600000'))],
    ]);
  });
});
