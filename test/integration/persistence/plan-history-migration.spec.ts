import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { umzugFor } from '../../../core/persistence/migrator';
import { insertRows, readDate, select } from '../../../core/persistence/stores/sequelize-usage-sql';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

describe(`0009 plan history on a database that already bills on ${testBackend()}`, () => {
  let database: Database;
  before(async () => {
    database = new Database({ url: await freshDatabaseUrl() });
    await umzugFor(database).up({ to: '0008-promotions-credits' });
    const created = new Date('2025-01-10T00:00:00Z');
    await database.sequelize.transaction(async (transaction) => {
      await insertRows(database.sequelize, 'subscriptions', [
        { id: 'sub-gold', account_id: 'a@example.com', plan_id: 'plan-gold', name: 'Gold', state: 'active', created_at: created, updated_at: created },
        { id: 'sub-no-plan', account_id: 'a@example.com', plan_id: null, name: null, state: 'active', created_at: created, updated_at: created },
      ], transaction);
      await insertRows(database.sequelize, 'subscription_state_changes', [
        { subscription_id: 'sub-gold', state: 'active', changed_at: new Date('2025-01-12T08:00:00Z'), source: 'wap-notification' },
        { subscription_id: 'sub-gold', state: 'suspended', changed_at: new Date('2025-02-01T00:00:00Z'), source: 'admin' },
      ], transaction);
    });
    await umzugFor(database).up();
  });
  after(() => database.close());

  it('gives each subscription with a plan that plan since its first state change, and nothing to one without', async () => {
    const rows = await select<{ subscription_id: string; plan_id: string; changed_at: Date | string; source: string }>(
      database.sequelize, 'SELECT subscription_id, plan_id, changed_at, source FROM subscription_plan_changes ORDER BY id',
    );
    expect(rows.map((r) => ({ ...r, changed_at: readDate(r.changed_at).toISOString() }))).to.deep.equal([
        { subscription_id: 'sub-gold', plan_id: 'plan-gold', changed_at: '2025-01-12T08:00:00.000Z', source: 'migration' },
    ]);
  });
});
