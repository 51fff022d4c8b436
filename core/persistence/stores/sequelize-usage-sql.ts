import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

/**
 * Rows per multi-row INSERT and values per IN list. SQL Server refuses more than 1000 rows in one
 * VALUES list; Sequelize inlines the values, so no driver's parameter limit applies.
 */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts rows with one multi-row INSERT per chunk; every row must have the same columns. */
export async function insertRows(
  sequelize: Sequelize,
  table: string,
  rows: readonly Record<string, unknown>[],
  transaction: Transaction,
): Promise<void> {
  for (const chunk of chunks(rows)) await sequelize.getQueryInterface().bulkInsert(table, chunk, { transaction });
}

/** A parenthesised, escaped list for `IN`: Sequelize's own escaping, so dates match what it wrote. */
export function sqlList(sequelize: Sequelize, values: readonly unknown[]): string {
  return `(${values.map((v) => sequelize.escape(v as string)).join(', ')})`;
}

export async function select<T extends object>(
  sequelize: Sequelize,
  sql: string,
  transaction?: Transaction,
  replacements?: Record<string, unknown>,
): Promise<T[]> {
  return sequelize.query<T>(sql, { type: QueryTypes.SELECT, transaction, replacements });
}

/**
 * A DATE column as read back: a Date from PostgreSQL and MariaDB, text such as
 * `2025-03-01 00:00:00.000 +00:00` from SQLite.
 */
export function readDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A BIGINT as a decimal string: PostgreSQL and MariaDB already send text, SQLite a number. */
export function readBigint(value: string | number | bigint): string {
  return String(value);
}
