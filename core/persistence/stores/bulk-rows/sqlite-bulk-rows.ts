import type { BulkRows, RowValues, SqliteConnection } from './bulk-rows';
import { pushBindable, StoredDateText } from './stored-date-text';

/** Under SQLite's default limit of 32766 bound parameters per statement. */
const MAX_PARAMETERS = 30_000;

/** Multi-row statements with bound parameters, on the transaction's own SQLite connection. */
export function sqliteBulkRows(connection: SqliteConnection): BulkRows {
  const dates = new StoredDateText();
  const run = (sql: string, params: unknown[]) => new Promise<void>((resolve, reject) => connection.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const write = async (head: string, tail: string, columns: readonly string[], rows: readonly RowValues[]) => {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const params: unknown[] = [];
      for (const row of chunk) pushBindable(params, row, dates);
      await run(`${head} VALUES ${chunk.map(() => tuple).join(', ')}${tail}`, params);
    }
  };
  return {
    insert: (table, columns, rows) => write(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`, '', columns, rows),
    replace: (table, columns, key, rows) => write(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`,
      ` ON CONFLICT (${key.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET ${columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = excluded."${c}"`).join(', ')}`,
      columns,
      rows,
    ),
  };
}
