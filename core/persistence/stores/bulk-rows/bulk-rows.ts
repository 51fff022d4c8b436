import type { Transaction } from 'sequelize';
import type { Database } from '../../database';
import { postgresBulkRows } from './postgres-bulk-rows';
import { sequelizeBulkRows } from './sequelize-bulk-rows';
import { sqliteBulkRows } from './sqlite-bulk-rows';

/** One row's values in the order of the columns it is written with: strings, numbers, Dates or null. */
export type RowValues = readonly unknown[];

/**
 * Writes many rows inside one transaction in the cheapest form the driver offers. The usage
 * store writes a few thousand rows per page of WAP records; going through Sequelize's escaping and
 * query pipeline cost more than the database itself (`npm run bench`).
 */
export interface BulkRows {
  insert(table: string, columns: readonly string[], rows: readonly RowValues[]): Promise<void>;
  /**
   * Writes rows of a table with a unique `key` (a subset of `columns`); a row whose key is stored
   * already replaces the stored one's other columns. `storedIds` are the `id`s of those stored
   * rows, as the caller read them in this transaction (dialects without an upsert delete them).
   */
  replace(table: string, columns: readonly string[], key: readonly string[], rows: readonly RowValues[], storedIds: readonly (string | number)[]): Promise<void>;
}

/**
 * SQLite and PostgreSQL get bound parameters on the transaction's own driver connection; MariaDB
 * and SQL Server keep Sequelize's escaped statements (the ones the mssql snapshot checks).
 */
export function bulkRowsFor(database: Database, transaction: Transaction): BulkRows {
  const connection = (transaction as unknown as { connection?: unknown }).connection;
  switch (database.dialect) {
    case 'sqlite': return connection ? sqliteBulkRows(connection as SqliteConnection) : sequelizeBulkRows(database, transaction);
    case 'postgres': return connection ? postgresBulkRows(connection as PostgresConnection) : sequelizeBulkRows(database, transaction);
    default: return sequelizeBulkRows(database, transaction);
  }
}

/** The part of a SQLite connection (node-sqlite3's callback API, see `CallbackConnection`) these writers use. */
export interface SqliteConnection {
  run(sql: string, params: unknown[], callback: (error: Error | null) => void): void;
}

/** The part of pg's Client these writers use. */
export interface PostgresConnection {
  query(text: string, values: unknown[]): Promise<unknown>;
}
