import type { Transaction } from 'sequelize';
import type { Database } from '../../database';
import { chunks, insertRows, sqlList } from '../sequelize-usage-sql';
import type { BulkRows, RowValues } from './bulk-rows';

/**
 * Sequelize's escaped multi-row statements, for MariaDB and SQL Server. A replaced row is deleted
 * and inserted again: SQL Server has no upsert short of MERGE.
 */
export function sequelizeBulkRows(database: Database, transaction: Transaction): BulkRows {
  const sequelize = database.sequelize;
  const asObjects = (columns: readonly string[], rows: readonly RowValues[]) => rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
  return {
    insert: (table, columns, rows) => insertRows(sequelize, table, asObjects(columns, rows), transaction),
    async replace(table, columns, _key, rows, storedIds) {
      for (const ids of chunks(storedIds)) {
        await sequelize.query(`DELETE FROM ${table} WHERE id IN ${sqlList(sequelize, ids)}`, { transaction });
      }
      await insertRows(sequelize, table, asObjects(columns, rows), transaction);
    },
  };
}
