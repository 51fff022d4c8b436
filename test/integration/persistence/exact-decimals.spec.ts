import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { Decimal } from '../../../core/money/decimal';
import { Database } from '../../../core/persistence/database';
import { migrateToLatest, umzugFor } from '../../../core/persistence/migrator';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

describe(`exact decimals and migrations on ${testBackend()}`, () => {
  let database: Database;
  before(async () => {
    database = new Database({ url: await freshDatabaseUrl() });
  });
  after(() => database.close());

  it('applies every migration once, and again finds nothing to do', async () => {
    expect(await migrateToLatest(database)).to.deep.equal(['0001-accounts-subscriptions-plugins', '0002-usage', '0003-usage-rollups', '0004-subscriptions-and-decisions', '0006-invoicing']);
    expect(await migrateToLatest(database)).to.deep.equal([]);
  });

  it('stores quantities with 12 decimal places exactly, where a double would drift', async () => {
    const quantities = ['0.1', '0.2', '12345678901234567890.123456789012', '0.000000000001'];
    for (const [i, quantity] of quantities.entries()) {
      await database.sequelize.query(
        `INSERT INTO metered_usage (feed, event_id, subscription_id, meter_id, resource_id, start_time, end_time, quantity)
         VALUES ('usage', :eventId, 'sub', 'vm.hours', 'vm-1', :at, :at, :quantity)`,
        { replacements: { eventId: i + 1, at: new Date('2025-03-01T00:00:00Z'), quantity }, type: QueryTypes.INSERT },
      );
    }
    const rows = await database.sequelize.query<{ quantity: string | number }>('SELECT quantity FROM metered_usage ORDER BY event_id', { type: QueryTypes.SELECT });
    expect(rows.map((r) => typeof r.quantity)).to.deep.equal(['string', 'string', 'string', 'string']);
    const read = rows.map((r) => new Decimal(r.quantity).toFixed());
    expect(read).to.deep.equal(quantities);
    // 0.1 + 0.2 is 0.30000000000000004 in doubles; exact storage gives exactly 0.3
    expect(new Decimal(rows[0].quantity).plus(rows[1].quantity).toFixed()).to.equal('0.3');
  });

  it('rolls every migration back to an empty schema', async () => {
    await umzugFor(database).down({ to: 0 });
    expect(await umzugFor(database).executed()).to.deep.equal([]);
    await migrateToLatest(database);
  });
});
