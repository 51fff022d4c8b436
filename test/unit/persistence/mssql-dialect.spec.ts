import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import type { Database } from '../../../core/persistence/database';
import { migrations } from '../../../core/persistence/migrations';
import { SequelizePluginStateStore } from '../../../core/persistence/stores/sequelize-plugin-state-store';
import { ManualClock } from '../../../core/time/clock';
import { recordingMssql } from '../../support/recording-mssql';

// The snapshot lives in the source tree; UPDATE_SNAPSHOTS=1 rewrites it after a deliberate change.
const snapshotFile = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'mssql', 'schema.sql');

async function generatedTsql(): Promise<string[]> {
  const { sequelize, statements } = recordingMssql();
  for (const migration of migrations) await migration.up({ queryInterface: sequelize.getQueryInterface(), dialect: 'mssql' });
  const store = new SequelizePluginStateStore({ sequelize, dialect: 'mssql' } as Database, new ManualClock('2025-03-01T00:00:00Z'));
  await store.save({ pluginId: 'meter.mysql', enabled: false, settings: { a: 1 } });
  await store.find('meter.mysql');
  return statements;
}

describe('SQL Server (mssql dialect) T-SQL generated from the migrations and stores', () => {
  let statements: string[];
  before(async () => {
    statements = await generatedTsql();
  });

  it('creates every table with T-SQL types: NVARCHAR, BIT, DATETIMEOFFSET, IDENTITY', () => {
    const tables = statements.map((s) => /CREATE TABLE \[(\w+)\]/.exec(s)?.[1]).filter(Boolean);
    expect(tables).to.include.members([
      'plugin_states', 'accounts', 'subscriptions', 'usage_records', 'feed_watermarks', 'leases', 'billing_decisions', 'subscription_quotas',
      'plans', 'add_ons', 'plan_services', 'plan_add_ons', 'subscription_add_ons', 'subscription_feed_marks',
      'rate_cards', 'billing_profiles', 'invoices', 'invoice_lines', 'invoice_sequences', 'usage_rollups_hours', 'usage_rollups_daily', 'usage_rollups_monthly', 'usage_rollups_days',
    ]);
    const ddl = statements.join('\n');
    expect(ddl).to.include('[enabled] BIT NOT NULL');
    expect(ddl).to.include('[id] BIGINT IDENTITY(1,1)');
    expect(ddl).to.include('[received_at] DATETIMEOFFSET NOT NULL');
  });

  it('keeps quantities in exact DECIMAL(38,12) and never in a floating-point type', () => {
    const ddl = statements.filter((s) => s.includes('CREATE TABLE')).join('\n');
    expect(ddl).to.include('[quantity] DECIMAL(38,12) NOT NULL');
    // invoice money: every amount exact, as the lines must add up to the total on SQL Server too
    for (const column of ['[tax_rate] DECIMAL(38,12) NOT NULL', '[subtotal] DECIMAL(38,12) NOT NULL', '[total] DECIMAL(38,12) NOT NULL', '[amount] DECIMAL(38,12) NOT NULL']) {
      expect(ddl).to.include(column);
    }
    expect(ddl).not.to.match(/\b(FLOAT|REAL|DOUBLE)\b/i);
  });

  it('saves plugin state with a single MERGE statement (an upsert SQL Server understands)', () => {
    const merge = statements.find((s) => s.startsWith('MERGE INTO [plugin_states]'));
    expect(merge, statements.join('\n')).to.not.equal(undefined);
    expect(merge).to.include('WHEN MATCHED THEN UPDATE SET');
  });

  it('matches the reviewed snapshot of the whole T-SQL (test/fixtures/mssql/schema.sql)', () => {
    const text = statements.join(';\n').replace(/;;/g, ';') + '\n';
    if (process.env.UPDATE_SNAPSHOTS === '1') fs.writeFileSync(snapshotFile, text);
    expect(text).to.equal(fs.readFileSync(snapshotFile, 'utf8'));
  });
});
