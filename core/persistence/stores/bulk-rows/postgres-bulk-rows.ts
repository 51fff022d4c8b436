import type { BulkRows, PostgresConnection, RowValues } from './bulk-rows';
import { pushBindable, StoredDateText } from './stored-date-text';

/** Well under PostgreSQL's limit of 65535 bound parameters per statement. */
const MAX_PARAMETERS = 30_000;

/** Multi-row statements with bound parameters, on the transaction's own pg client. */
export function postgresBulkRows(connection: PostgresConnection): BulkRows {
  const dates = new StoredDateText();
  const write = async (head: string, tail: string, columns: readonly string[], rows: readonly RowValues[]) => {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (const row of chunk) {
        const first = params.length;
        pushBindable(params, row, dates);
        tuples.push(`(${row.map((_, c) => `$${first + c + 1}`).join(', ')})`);
      }
      await connection.query(`${head} VALUES ${tuples.join(', ')}${tail}`, params);
    }
  };
  return {
    insert: (table, columns, rows) => write(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`, '', columns, rows),
    replace: (table, columns, key, rows) => write(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`,
      ` ON CONFLICT (${key.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET ${columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}`,
      columns,
      rows,
    ),
  };
}
