import { expect } from 'chai';
import type { Transaction } from 'sequelize';
import { meteredUsageOf } from '../../../core/usage/store/metered-column';
import type { Database } from '../../../core/persistence/database';
import { SequelizeQuarantineView } from '../../../core/persistence/stores/sequelize-quarantine-view';
import { SequelizeUsageQuarantine } from '../../../core/persistence/stores/sequelize-usage-quarantine';
import { SequelizeUsageQuery } from '../../../core/persistence/stores/sequelize-usage-query';
import { SequelizeUsageRollups } from '../../../core/persistence/stores/sequelize-usage-rollups';
import { SequelizeUsageStore } from '../../../core/persistence/stores/sequelize-usage-store';
import { SequelizeUsageWriter } from '../../../core/persistence/stores/sequelize-usage-writer';
import { MeterRegistry } from '../../../core/plugin-host/meter-registry';
import { ManualClock } from '../../../core/time/clock';
import { recordingMssql } from '../../support/recording-mssql';
import { SUBSCRIPTION, sqlDatabases, wire } from './usage-world';

// SQL Server cannot run here: the statements the usage store would send are recorded and read.
describe('the usage store\'s statements in T-SQL (mssql dialect)', () => {
  let statements: string[];
  let bindings: (Record<string, unknown> | undefined)[];
  before(async () => {
    // The feed stands at 3 with nothing rolled up, so that the roll-up and the queries read the tail.
    const recording = recordingMssql((sql) => (/^SELECT [^()]* FROM feed_watermarks WHERE feed =/.test(sql) ? [{ next_start_id: '3', rolled_up_to: '0' }]
      : sql.startsWith('SELECT feed FROM feed_watermarks') ? [{ feed: 'usage' }]
      : sql.startsWith('SELECT starts.*') ? [{ feed: 'usage', rolled_up_to: '0' }]
      : undefined));
    // No connection to open a transaction on; the callback runs with a stand-in.
    (recording.sequelize as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args) => (args.at(-1) as (t: object) => unknown)({});
    const database = { sequelize: recording.sequelize, dialect: 'mssql' } as Database;
    const meters = new MeterRegistry([await sqlDatabases()]);
    const clock = new ManualClock('2025-04-02T00:00:00Z');
    const rollups = new SequelizeUsageRollups(database, meters);
    const writer = new SequelizeUsageWriter(database, rollups);
    const store = new SequelizeUsageStore(database, meters, rollups, clock);
    await store.ingest('usage', { records: [wire(1), wire(2, { ProviderName: 'nobody' })], nextStartId: '3' });
    await store.rollUp('usage');
    // Nothing comes back from the recording's SELECTs: the roll-up's writes are asked for directly.
    const usage = meteredUsageOf({
      eventId: '1', subscriptionId: SUBSCRIPTION, start: new Date('2025-03-10T10:00:00Z'), end: new Date('2025-03-10T11:00:00Z'),
      resourceId: 'db-1', metered: '[2,["mysql.allotted-space","1","time-weighted"]]',
    });
    await rollups.add('usage', usage, {} as Transaction);
    await new SequelizeUsageQuarantine(database, meters, writer, clock).reprocess();
    const query = new SequelizeUsageQuery(database, meters);
    const march = { from: new Date('2025-02-28T22:00:00Z'), to: new Date('2025-03-31T22:00:00Z') };
    await query.totals(SUBSCRIPTION, march);
    await query.records(SUBSCRIPTION, 'mysql.databases', 'db-1', march);
    await query.byResource(SUBSCRIPTION, 'mysql.allotted-space', march);
    ({ statements, bindings } = recording);
  });

  /** The value bound to the parameter that `pattern`'s first group captures in statement `index`. */
  const boundAt = (index: number, pattern: RegExp): unknown => {
    const parameter = pattern.exec(statements[index])?.[1];
    expect(parameter, `${pattern} in ${statements[index]}`).to.match(/^@v\d+$/);
    return bindings[index]?.[parameter!.slice(1)];
  };

  it('quotes with brackets, writes Unicode literals and pages without LIMIT', () => {
    const sql = statements.join('\n');
    expect(sql).not.to.match(/`|\bLIMIT\b/);
    expect(sql).to.include('OFFSET 0 ROWS FETCH NEXT 500 ROWS ONLY');
    expect(sql).to.match(/ORDER BY usage_records.event_id OFFSET 0 ROWS FETCH NEXT 10000 ROWS ONLY/);
    expect(statements.find((s) => s.startsWith('INSERT INTO [usage_rollups_hours]'))).to.include(`N'${SUBSCRIPTION}'`);
  });

  it('reads a total\'s rollup tables and the tail in one statement, the tail bounded by its mark as it stands then', () => {
    const index = statements.findIndex((s) => s.includes(' UNION ALL '));
    expect(index, statements.join('\n')).to.be.at.least(0);
    const union = statements[index];
    // The hours at both edges of March in UTC+2, its whole days, and the tail.
    for (const table of ['usage_rollups_hours', 'usage_rollups_subscription_daily', 'usage_records']) expect(union).to.include(`FROM ${table}`);
    expect(union).to.match(/\(feed = (@v\d+) AND event_id >= \(SELECT rolled_up_to FROM feed_watermarks WHERE feed_watermarks.feed = \1\) AND event_id < \(SELECT next_start_id FROM feed_watermarks WHERE feed_watermarks.feed = \1\)\)/);
    expect(boundAt(index, /\(feed = (@v\d+) AND/)).to.equal('usage');
    // and a row for any usage feed besides those whose tails it reads
    expect(boundAt(index, /FROM feed_watermarks WHERE rolled_up_to IS NOT NULL AND feed NOT IN \((@v\d+)\)/)).to.equal('usage');
  });

  it('binds a total\'s values, dates as the text SQL Server reads as a DATETIMEOFFSET (a Date would go as its toString())', () => {
    const index = statements.findIndex((s) => s.includes(' UNION ALL '));
    expect(boundAt(index, /FROM usage_rollups_subscription_daily\s+WHERE bucket_start >= (@v\d+)/)).to.equal('2025-03-01 00:00:00.000 +00:00');
    expect(boundAt(index, /AND subscription_id IN \((@v\d+)\)/)).to.equal(SUBSCRIPTION);
    expect(Object.values(bindings[index]!).every((value) => typeof value === 'string')).to.equal(true);
    expect(statements[index]).not.to.include(SUBSCRIPTION);
  });

  it('reads only the entry of the meter drilled into from each rollup row, with JSON_QUERY', () => {
    const drillDown = statements.find((s) => s.includes(' UNION ALL ') && s.includes('usage_rollups_days'));
    expect(drillDown, statements.join('\n')).to.include(`JSON_QUERY(partials, N'$."mysql.allotted-space"') AS partials`);
    expect(drillDown).not.to.match(/bucket_start, partials,/);
  });

  it('reads the hours rows behind a drill-down to records with where the tails started, in one statement', () => {
    const union = statements.find((s) => s.startsWith('SELECT starts.*'));
    expect(union, statements.join('\n')).to.match(/FROM \(SELECT feed, rolled_up_to AS rolled_up_to FROM feed_watermarks\s+WHERE rolled_up_to IS NOT NULL AND rolled_up_to < next_start_id\) starts\s+UNION ALL\s+SELECT NULL, NULL, event_ids FROM usage_rollups_hours/);
  });

  it('locks the quarantined rows a reprocessing batch reads, with a table hint', () => {
    const read = statements.find((s) => s.includes('FROM quarantined_records q'));
    expect(read, statements.join('\n')).to.match(/FROM quarantined_records q WITH \(UPDLOCK, ROWLOCK\)\s+JOIN usage_records u/);
    expect(read).not.to.include('FOR UPDATE');
  });

  it('writes quantities as exact decimal text, never through a float', () => {
    const insert = statements.find((s) => s.startsWith('INSERT INTO [usage_records]'));
    // 1024 MB ÷ 1024 = 1 GB; one database
    expect(insert).to.include(`N'[2,["mysql.allotted-space","1","time-weighted"],["mysql.databases","1","max"]]'`);
    expect(statements.join('\n')).not.to.match(/\b(FLOAT|REAL|DOUBLE)\b/i);
  });
});

describe('the quarantine view\'s statements in T-SQL', () => {
  it('groups by kind in a subquery (SQL Server groups by expressions, not aliases) and pages without LIMIT', async () => {
    const recording = recordingMssql(() => undefined);
    const quarantine = new SequelizeQuarantineView({ sequelize: recording.sequelize, dialect: 'mssql' } as Database);
    await quarantine.groups();
    await quarantine.records({ feed: 'usage', kind: 'bad_interval', providerName: 'nobody', afterEventId: '2', limit: 50 });
    const [groups, records] = recording.statements;
    expect(groups).to.match(/FROM \(SELECT CASE WHEN q\.reason LIKE 'unclaimed:%' ESCAPE '!' THEN 'unclaimed' .* ELSE 'other' END AS kind, u\.provider_name, q\.event_id, q\.reason\s+FROM quarantined_records q JOIN usage_records u/s);
    expect(groups).to.match(/\) t\s+GROUP BY kind, provider_name$/);
    expect(records).to.include("q.feed = :feed AND q.event_id > 2 AND q.reason LIKE 'bad!_interval:%' ESCAPE '!' AND u.provider_name = :providerName");
    expect(records).to.match(/ORDER BY q\.event_id OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY$/);
    expect(records).not.to.match(/\bLIMIT\b/);
  });
});
