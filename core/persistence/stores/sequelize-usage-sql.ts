import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { DialectName } from '../database-url';

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

/**
 * Inserts rows with one multi-row INSERT per chunk; every row must have the columns of the first.
 * Values go through Sequelize's own escaping (the same text `bulkInsert` would send), but each
 * distinct date is formatted once: a page repeats a few bucket starts and record times thousands
 * of times, and formatting them dominated the cost of a page.
 */
export async function insertRows(
  sequelize: Sequelize,
  table: string,
  rows: readonly Record<string, unknown>[],
  transaction: Transaction,
): Promise<void> {
  if (rows.length === 0) return;
  const queryInterface = sequelize.getQueryInterface();
  const columns = Object.keys(rows[0]);
  const head = `INSERT INTO ${queryInterface.quoteIdentifier(table)} (${columns.map((c) => queryInterface.quoteIdentifier(c)).join(', ')}) VALUES `;
  const dates = new Map<number, string>();
  const literal = (value: unknown): string => {
    if (!(value instanceof Date)) return sequelize.escape(value as string);
    let text = dates.get(value.getTime());
    if (text === undefined) dates.set(value.getTime(), (text = sequelize.escape(value as unknown as string)));
    return text;
  };
  for (const chunk of chunks(rows)) {
    const values = chunk.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`).join(', ');
    await sequelize.query(head + values, { transaction });
  }
}

/** A parenthesised, escaped list for `IN`: Sequelize's own escaping, so dates match what it wrote. */
export function sqlList(sequelize: Sequelize, values: readonly unknown[]): string {
  return `(${values.map((v) => sequelize.escape(v as string)).join(', ')})`;
}

/**
 * The values of one statement, bound to it rather than written into its text (as `$v1`, `$v2`, …
 * in the order added): the same question about another subscription or period is then the same
 * text, which SQLite prepares once (CallbackConnection keeps prepared statements by text; a
 * month's totals took 235 µs prepared each time, 150 µs prepared once), PostgreSQL once per
 * connection (`PreparingClient`) and SQL Server plans once. Build a statement's text in the same
 * order every time. (better-sqlite3's SQLite is built with STAT4: once an ANALYZE has written
 * `sqlite_stat4` samples, SQLite plans a statement again whenever a value bound in its WHERE
 * changes, and the gain is gone. Nothing here runs ANALYZE.)
 */
export class StatementValues {
  readonly bind: Record<string, string> = {};
  private count = 0;

  constructor(private readonly sequelize: Sequelize) {}

  /** Where `value` goes in the text. A date is bound as the text Sequelize writes for the dialect (SQLite keeps dates as text). */
  add(value: string | Date): string {
    const name = `v${++this.count}`;
    this.bind[name] = value instanceof Date ? unquoted(this.sequelize.escape(value as unknown as string)) : value;
    return `$${name}`;
  }

  /** A parenthesised list for `IN`. */
  list(values: readonly (string | Date)[]): string {
    return `(${values.map((value) => this.add(value)).join(', ')})`;
  }
}

/** A quoted literal's text: `'…'`, or SQL Server's `N'…'`. Only for literals without quotes inside (dates). */
function unquoted(literal: string): string {
  const text = /^N?'([^']*)'$/.exec(literal)?.[1];
  if (text === undefined) throw new Error(`not a plain quoted literal: ${literal}`);
  return text;
}

/** A SELECT whose values are bound. */
export async function selectBound<T extends object>(sequelize: Sequelize, sql: string, values: StatementValues): Promise<T[]> {
  return sequelize.query<T>(sql, { type: QueryTypes.SELECT, bind: values.bind });
}

/** `AND subscription_id …` for one subscription, several (IN), or every one (`undefined`: nothing). */
export function subscriptionCondition(values: StatementValues, subscriptions: string | readonly string[] | undefined): string {
  return subscriptions === undefined ? ''
    : typeof subscriptions === 'string' ? `AND subscription_id = ${values.add(subscriptions)}`
    : `AND subscription_id IN ${values.list(subscriptions)}`;
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

/**
 * Selects a BIGINT column as exact text. The SQLite driver hands integers over as JavaScript numbers,
 * which lose digits beyond 2^53, and a .NET long EventId can be that large.
 */
export function bigintAsText(dialect: DialectName, column: string, alias: string): string {
  return dialect === 'sqlite' ? `CAST(${column} AS TEXT) AS ${alias}` : `${column} AS ${alias}`;
}

/** A key a JSON path names as it stands on every dialect (every meter id of the built-in and declarative meters). */
function isPlainJsonKey(key: string): boolean {
  return /^[A-Za-z0-9_.:-]+$/.test(key);
}

/**
 * The JSON text of one member of a JSON object kept in a text column, or NULL where the object
 * has none: the database reads the object, and only the member asked for comes over to be parsed.
 * Undefined where the whole object is better read and picked apart here: on PostgreSQL, which
 * parses the text twice to pick a member (`::json`, then `->`; its drill-downs per second fell
 * from 609–647 to 524–549), and for a key that is not plain.
 */
export function jsonMemberSql(sequelize: Sequelize, dialect: DialectName, column: string, key: string): string | undefined {
  if (dialect === 'postgres' || !isPlainJsonKey(key)) return undefined;
  const path = sequelize.escape(`$."${key}"`);
  switch (dialect) {
    // JSON_QUERY: SQL Server's JSON_VALUE answers scalars only, and NULL for an object.
    case 'mssql': return `JSON_QUERY(${column}, ${path})`;
    // As text: the MariaDB driver hands a JSON-typed result over parsed.
    case 'mariadb': return `CAST(JSON_EXTRACT(${column}, ${path}) AS CHAR)`;
    default: return `JSON_EXTRACT(${column}, ${path})`;
  }
}

/** A BIGINT as a decimal string: PostgreSQL and MariaDB already send text, SQLite a number. */
export function readBigint(value: string | number | bigint): string {
  return String(value);
}
