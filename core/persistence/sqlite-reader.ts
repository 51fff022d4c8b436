import BetterSqlite3 from 'better-sqlite3';
import { SQLITE_READ_PRAGMAS } from './sqlite-driver';

/** Prepared statements kept; most of a request's reads are the same few texts with other values. */
const STATEMENTS_KEPT = 256;

/**
 * The short reads that answer one tenant's request on SQLite (a subscription's rollup rows, its
 * records behind an hour), on a read-only better-sqlite3 connection of their own. node-sqlite3
 * runs each statement on a worker thread and Sequelize adds its own work around it: about 200 µs
 * a query against 60 here, and a tenant's usage request makes two to four. Over 5 million stored
 * records, 16 requests in flight: twice the requests per second, p50 halved (`npm run bench`).
 * The reads run on the event loop, so only reads bounded by one subscription come here; a
 * write-ahead log never makes them wait for a writer, and they see what is committed, as every
 * read outside a transaction does.
 */
export class SqliteReader {
  private connection: BetterSqlite3.Database | undefined;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  /** `formatDate`: a date as the store writes it, since SQLite compares the text. */
  constructor(private readonly file: string, private readonly formatDate: (date: Date) => string) {}

  /** The rows of `sql`, whose `:name` parameters take `replacements` (undefined ones left out). */
  all<T>(sql: string, replacements: Readonly<Record<string, unknown>> = {}): T[] {
    const parameters: Record<string, unknown> = {};
    let named = false;
    for (const name in replacements) {
      const value = replacements[name];
      if (value === undefined) continue;
      parameters[name] = value instanceof Date ? this.formatDate(value) : value;
      named = true;
    }
    const statement = this.statement(sql);
    return (named ? statement.all(parameters) : statement.all()) as T[];
  }

  close(): void {
    this.statements.clear();
    this.connection?.close();
    this.connection = undefined;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Kept as the most recently used.
      this.statements.delete(sql);
    } else {
      statement = this.open().prepare(sql);
      if (this.statements.size >= STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** Opened at the first read: the file exists, migrated, by then. */
  private open(): BetterSqlite3.Database {
    if (!this.connection) {
      this.connection = new BetterSqlite3(this.file, { readonly: true, fileMustExist: true, timeout: 1000 });
      for (const pragma of SQLITE_READ_PRAGMAS) this.connection.pragma(pragma);
    }
    return this.connection;
  }
}
