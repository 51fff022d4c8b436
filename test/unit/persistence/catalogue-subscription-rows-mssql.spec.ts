import { expect } from 'chai';
import type { Transaction } from 'sequelize';
import { BUILT_IN_ACCOUNT_DEFAULTS } from '../../../core/accounts/account-defaults';
import type { Database } from '../../../core/persistence/database';
import { CatalogueSubscriptionRows } from '../../../core/persistence/stores/sequelize-catalogue-subscriptions';
import { recordingMssql } from '../../support/recording-mssql';

// SQL Server cannot run here: the statements a catalogue page would send are recorded and read.
describe('a catalogue page\'s subscription statements in T-SQL (mssql dialect)', () => {
  it('reads the page\'s subscriptions under an update lock hint and writes its new rows a table at a time', async () => {
    const { sequelize, statements } = recordingMssql();
    const rows = new CatalogueSubscriptionRows({ sequelize, dialect: 'mssql' } as Database, {} as Transaction, BUILT_IN_ACCOUNT_DEFAULTS, new Date('2025-03-01T00:00:00Z'));
    await rows.load(['sub-1', 'sub-2'], ['ann@example.com']);
    const at = new Date('2025-03-01T10:00:00Z');
    for (const id of ['sub-1', 'sub-2']) {
      await rows.ensureAccount('ann@example.com');
      await rows.save({ subscription: { id, accountId: 'ann@example.com', planId: 'Goldplan', name: null, state: 'active' }, at, source: 'wap-billing-feed' });
      await rows.saveMark(id, { lastEvent: { eventId: '7', at }, pending: null });
    }
    await rows.flush();
    expect(statements[0]).to.equal("SELECT id, account_id, plan_id, name, state FROM subscriptions WITH (UPDLOCK, ROWLOCK) WHERE id IN (N'sub-1', N'sub-2')");
    expect(statements.join('\n')).not.to.match(/FOR UPDATE|`|\bLIMIT\b/);
    // Three reads for the subscriptions, one for the owners; then one INSERT a table, in the order the foreign keys need.
    expect(statements.slice(4).map((sql) => /^INSERT INTO \[(\w+)\]/.exec(sql)?.[1])).to.deep.equal([
      'accounts', 'subscriptions', 'subscription_state_changes', 'subscription_plan_changes', 'subscription_feed_marks',
    ]);
    expect(statements[5]).to.include("(N'sub-1', N'ann@example.com', N'Goldplan', NULL, N'active'").and.to.include("(N'sub-2',");
  });
});
