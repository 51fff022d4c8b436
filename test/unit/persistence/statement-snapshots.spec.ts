import { expect } from 'chai';
import { Container } from 'inversify';
import { Database } from '../../../core/persistence/database';
import { statementsReadOneSnapshot } from '../../../core/persistence/statement-snapshots';
import { snapshotReadsCheck } from '../../../resource-provider/cli/doctor/snapshot-reads-check';
import type { DoctorContext } from '../../../resource-provider/cli/doctor/doctor-check';
import { recordingMssql } from '../../support/recording-mssql';

/** A SQL Server database (recorded, never connected) whose sys.databases says `snapshot` of READ_COMMITTED_SNAPSHOT. */
function sqlServer(snapshot: boolean | number): { database: Database; statements: string[] } {
  const { sequelize, statements } = recordingMssql((sql) => (sql.includes('sys.databases') ? [{ snapshot }] : undefined));
  return { database: { sequelize, dialect: 'mssql' } as Database, statements };
}

function doctorOn(database: Database): DoctorContext {
  const container = new Container();
  container.bind(Database).toConstantValue(database);
  return { container, settings: {} as DoctorContext['settings'], plugins: () => Promise.reject(new Error('not asked')) };
}

describe('statements reading one snapshot (what usage answers count on)', () => {
  it('asks SQL Server whether READ_COMMITTED_SNAPSHOT is on for the database it is connected to', async () => {
    const on = sqlServer(true);
    expect(await statementsReadOneSnapshot(on.database)).to.equal(true);
    expect(on.statements).to.deep.equal(['SELECT is_read_committed_snapshot_on AS snapshot FROM sys.databases WHERE name = DB_NAME()']);
    expect(await statementsReadOneSnapshot(sqlServer(0).database)).to.equal(false);
  });

  it('takes PostgreSQL, MariaDB and SQLite at their word, asking nothing', async () => {
    for (const dialect of ['postgres', 'mariadb', 'sqlite'] as const) {
      const { sequelize, statements } = recordingMssql();
      expect(await statementsReadOneSnapshot({ sequelize, dialect } as Database)).to.equal(true);
      expect(statements).to.deep.equal([]);
    }
  });

  it('makes the doctor fail on SQL Server without READ_COMMITTED_SNAPSHOT, saying what to run', async () => {
    const [line] = await snapshotReadsCheck.run(doctorOn(sqlServer(false).database));
    expect(line.ok).to.equal(false);
    expect(line.detail).to.include('may miss records').and.to.include('ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON');
    const [good] = await snapshotReadsCheck.run(doctorOn(sqlServer(true).database));
    expect(good).to.deep.equal({ ok: true, subject: 'database reads', detail: 'each statement reads one snapshot (mssql)' });
  });
});
