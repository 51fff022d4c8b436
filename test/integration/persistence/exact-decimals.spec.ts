import { expect } from 'chai';
import { DataTypes, QueryTypes } from 'sequelize';
import { exactDecimal } from '../../../core/persistence/exact-decimal';
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
    expect(await migrateToLatest(database)).to.deep.equal([
      '0001-accounts-subscriptions-plugins', '0002-usage', '0003-usage-rollups', '0004-subscriptions-and-decisions', '0005-catalogue', '0006-invoicing',
      '0007-compact-usage-storage', '0008-promotions-credits', '0009-subscription-plan-history',
      '0010-custom-billing-cycles',
      '0011-deferred-rollups',
      '0012-subscription-daily-rollups',
      '0013-month-days-rollups', '0014-rollup-record-ids',
    ]);
    expect(await migrateToLatest(database)).to.deep.equal([]);
  });

  it('stores quantities with 12 decimal places exactly, where a double would drift', async () => {
    const quantities = ['0.1', '0.2', '12345678901234567890.123456789012', '0.000000000001'];
    // The column type every quantity and amount is declared with, on a scratch table of this database.
    await database.sequelize.getQueryInterface().createTable('decimal_probe', {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      quantity: { type: exactDecimal(database.dialect), allowNull: false },
    });
    for (const [i, quantity] of quantities.entries()) {
      await database.sequelize.query('INSERT INTO decimal_probe (id, quantity) VALUES (:id, :quantity)', {
        replacements: { id: i + 1, quantity }, type: QueryTypes.INSERT,
      });
    }
    const rows = await database.sequelize.query<{ quantity: string | number }>('SELECT quantity FROM decimal_probe ORDER BY id', { type: QueryTypes.SELECT });
    expect(rows.map((r) => typeof r.quantity)).to.deep.equal(['string', 'string', 'string', 'string']);
    const read = rows.map((r) => new Decimal(r.quantity).toFixed());
    expect(read).to.deep.equal(quantities);
    // 0.1 + 0.2 is 0.30000000000000004 in doubles; exact storage gives exactly 0.3
    expect(new Decimal(rows[0].quantity).plus(rows[1].quantity).toFixed()).to.equal('0.3');
  });

  it('rolls every migration back to an empty schema', async () => {
    await database.sequelize.getQueryInterface().dropTable('decimal_probe');
    await umzugFor(database).down({ to: 0 });
    expect(await umzugFor(database).executed()).to.deep.equal([]);
    await migrateToLatest(database);
  });
});
