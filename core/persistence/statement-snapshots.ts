import type { Database } from './database';
import { select } from './stores/sequelize-usage-sql';

/**
 * Whether every statement reads one snapshot of the database. Usage answers count on it: they
 * read the rollups and the feeds' tails in one statement (see `Tails`), so that a roll-up
 * committing meanwhile is in an answer whole or not at all. PostgreSQL, MariaDB (InnoDB) and
 * SQLite always read so; SQL Server only with READ_COMMITTED_SNAPSHOT on, for its default,
 * locking READ COMMITTED lets a statement read what a transaction committed while it ran.
 */
export async function statementsReadOneSnapshot(database: Database): Promise<boolean> {
  if (database.dialect !== 'mssql') return true;
  const [row] = await select<{ snapshot: boolean | number }>(
    database.sequelize,
    'SELECT is_read_committed_snapshot_on AS snapshot FROM sys.databases WHERE name = DB_NAME()',
  );
  return row?.snapshot === true || row?.snapshot === 1;
}
