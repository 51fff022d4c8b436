import { expect } from 'chai';
import type { Database } from '../../../core/persistence/database';
import { keysCompareWithoutCase } from '../../../core/persistence/stores/key-case';
import { recordingMssql } from '../../support/recording-mssql';

describe('whether a key column compares without case', () => {
  it('reads a SQL Server column\'s collation once, and takes _CI_ for without case and _CS_ for with', async () => {
    for (const [collation, withoutCase] of [['SQL_Latin1_General_CP1_CI_AS', true], ['Latin1_General_CS_AS', false], ['Latin1_General_BIN2', false]] as const) {
      const { sequelize, statements } = recordingMssql((sql) => (sql.includes('sys.columns') ? [{ collation }] : undefined));
      const database = { sequelize, dialect: 'mssql' } as Database;
      expect(await keysCompareWithoutCase(database, 'plans', 'id'), collation).to.equal(withoutCase);
      expect(await keysCompareWithoutCase(database, 'plans', 'id')).to.equal(withoutCase);
      expect(statements).to.deep.equal(['SELECT collation_name AS collation FROM sys.columns WHERE object_id = OBJECT_ID(:table) AND name = :column']);
    }
  });

  it('asks SQLite and PostgreSQL nothing: they compare text as it is', async () => {
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const { sequelize, statements } = recordingMssql();
      expect(await keysCompareWithoutCase({ sequelize, dialect } as Database, 'plans', 'id')).to.equal(false);
      expect(statements).to.deep.equal([]);
    }
  });
});
