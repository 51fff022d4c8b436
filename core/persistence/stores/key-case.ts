import type { Database } from '../database';
import { select } from './sequelize-usage-sql';

/** By database, then `table.column`: a column's collation does not change under a running process. */
const known = new WeakMap<Database, Map<string, Promise<boolean>>>();

/**
 * Whether the database compares `table.column`'s values without case, as MariaDB's and SQL
 * Server's usual collations do (`utf8mb4_general_ci`, `SQL_Latin1_General_CP1_CI_AS`): code
 * that keeps rows by key in memory must then match keys the same way, or it would take one row
 * for two. SQLite and PostgreSQL compare text as it is. Asked once per column and process.
 */
export function keysCompareWithoutCase(database: Database, table: string, column: string): Promise<boolean> {
  if (database.dialect !== 'mariadb' && database.dialect !== 'mssql') return Promise.resolve(false);
  let columns = known.get(database);
  if (!columns) known.set(database, (columns = new Map()));
  let answer = columns.get(`${table}.${column}`);
  if (!answer) {
    answer = collationOf(database, table, column).then((collation) => /_ci(_|$)/i.test(collation ?? ''));
    columns.set(`${table}.${column}`, answer);
    // A failed question is asked again next time rather than remembered.
    answer.catch(() => columns!.delete(`${table}.${column}`));
  }
  return answer;
}

async function collationOf(database: Database, table: string, column: string): Promise<string | undefined> {
  const sql = database.dialect === 'mssql'
    ? 'SELECT collation_name AS collation FROM sys.columns WHERE object_id = OBJECT_ID(:table) AND name = :column'
    : 'SELECT COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = :table AND COLUMN_NAME = :column';
  const [row] = await select<{ collation: string | null }>(database.sequelize, sql, undefined, { table, column });
  return row?.collation ?? undefined;
}
