import { EventEmitter } from 'node:events';
import BetterSqlite3 from 'better-sqlite3';

type Callback = (this: Statement, error: Error | null, rows?: unknown[]) => void;

/** What node-sqlite3 hands a `run` callback as `this`; Sequelize reads `lastID` and `changes` off it, and checks its class name. */
export class Statement {
  constructor(readonly lastID: number, readonly changes: number) {}
}

/** How long a statement that finds the file locked by another connection is retried before it fails, as SQLite's busy timeout. */
const BUSY_TIMEOUT_MS = 5_000;
/** Prepared statements kept per connection, by SQL text: the bulk writers repeat the same few shapes thousands of times. */
const STATEMENT_CACHE = 64;

/**
 * The callback API of node-sqlite3's `Database` (what Sequelize's SQLite dialect and our bulk
 * writers call) over a better-sqlite3 connection, so that one SQLite library serves the whole
 * process. A statement runs on the calling thread at once, a third of node-sqlite3's round trip
 * through the thread pool; its callback comes on a later turn of the event loop, as
 * node-sqlite3's does. Statements on one connection run in the order they are given.
 *
 * A statement that finds the file locked (SQLITE_BUSY) is tried again later, up to
 * `BUSY_TIMEOUT_MS`, while the event loop goes on: SQLite's own busy handler would sleep on this
 * thread, and the connection holding the lock is usually waiting for this same thread. So the
 * connection is opened with a busy timeout of 0, and the statements given after a waiting one
 * wait behind it.
 */
export class CallbackConnection extends EventEmitter {
  static readonly OPEN_READONLY = 0x1;
  static readonly OPEN_READWRITE = 0x2;
  static readonly OPEN_CREATE = 0x4;

  readonly filename: string;
  private readonly db: BetterSqlite3.Database | undefined;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** Work given while a statement waits for a lock, in order; undefined when none waits. */
  private waiting: (() => void)[] | undefined;

  constructor(filename: string, mode?: number | ((error: Error | null) => void), callback?: (error: Error | null) => void) {
    super();
    if (typeof mode === 'function') [callback, mode] = [mode, undefined];
    const flags = mode ?? CallbackConnection.OPEN_READWRITE | CallbackConnection.OPEN_CREATE;
    this.filename = filename;
    try {
      this.db = new BetterSqlite3(filename, {
        readonly: (flags & CallbackConnection.OPEN_READWRITE) === 0,
        fileMustExist: (flags & CallbackConnection.OPEN_CREATE) === 0,
        timeout: 0,
      });
    } catch (error) {
      setImmediate(() => callback?.(asNodeSqliteError(error)));
      return;
    }
    setImmediate(() => {
      callback?.(null);
      this.emit('open');
    });
  }

  run(sql: string, callback?: Callback): this;
  run(sql: string, params: unknown, callback?: Callback): this;
  run(sql: string, ...rest: unknown[]): this {
    return this.statement(sql, rest, false);
  }

  all(sql: string, callback?: Callback): this;
  all(sql: string, params: unknown, callback?: Callback): this;
  all(sql: string, ...rest: unknown[]): this {
    return this.statement(sql, rest, true);
  }

  exec(sql: string, callback?: (error: Error | null) => void): this {
    this.perform(() => {
      this.connection().exec(sql);
      return { self: new Statement(0, 0) };
    }, callback as Callback | undefined);
    return this;
  }

  /** Statements already run in the order given. */
  serialize(callback?: () => void): void {
    callback?.();
  }

  parallelize(callback?: () => void): void {
    callback?.();
  }

  configure(): void {}

  close(callback?: (error: Error | null) => void): void {
    const closeNow = () => {
      let failure: Error | null = null;
      try {
        this.db?.close();
      } catch (error) {
        failure = asNodeSqliteError(error);
      }
      setImmediate(() => {
        callback?.(failure);
        if (!failure) this.emit('close');
      });
    };
    if (this.waiting) this.waiting.push(() => this.close(callback));
    else closeNow();
  }

  /**
   * `run` and `all`: a statement that returns rows is read whole, any other is run; `lastID`
   * and `changes` come from the run, and `all` answers the rows (none for a statement without).
   */
  private statement(sql: string, rest: unknown[], answerRows: boolean): this {
    const [params, callback] = paramsAndCallback(rest);
    this.perform(() => {
      const statement = this.prepare(sql);
      if (statement.reader) {
        const rows = statement.all(...params);
        return { self: new Statement(0, 0), rows: answerRows ? rows : undefined };
      }
      const info = statement.run(...params);
      return { self: new Statement(Number(info.lastInsertRowid), info.changes), rows: answerRows ? [] : undefined };
    }, callback);
    return this;
  }

  private connection(): BetterSqlite3.Database {
    if (!this.db) throw Object.assign(new Error('SQLITE_MISUSE: Database is closed'), { code: 'SQLITE_MISUSE', errno: 21 });
    return this.db;
  }

  private prepare(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last: the first entry is the one to drop.
      this.statements.delete(sql);
    } else {
      statement = this.connection().prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value as string);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** Runs `work` now, or after the statements waiting for a lock; answers through `callback` on a later turn. */
  private perform(work: () => { self: Statement; rows?: unknown[] }, callback: Callback | undefined): void {
    if (this.waiting) {
      this.waiting.push(() => this.perform(work, callback));
      return;
    }
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    const attempt = (): void => {
      let outcome: { self: Statement; rows?: unknown[] };
      try {
        outcome = work();
      } catch (error) {
        if (isBusy(error) && Date.now() < deadline) {
          this.waiting ??= [];
          setTimeout(attempt, 2);
          return;
        }
        const failure = asNodeSqliteError(error);
        setImmediate(() => (callback ? callback.call(new Statement(0, 0), failure) : this.emit('error', failure)));
        this.resume();
        return;
      }
      if (callback) setImmediate(() => callback.call(outcome.self, null, outcome.rows));
      this.resume();
    };
    attempt();
  }

  /** Gives again, in order, what waited behind a locked statement: each waits again if the next statement finds a lock. */
  private resume(): void {
    const queued = this.waiting ?? [];
    this.waiting = undefined;
    for (const task of queued) task();
  }
}

function paramsAndCallback(rest: unknown[]): [unknown[], Callback | undefined] {
  // A wrapper passes its own optional arguments on: `run(sql, undefined, callback)` has no parameters.
  const defined = rest.filter((argument) => argument !== undefined);
  const callback = typeof defined[defined.length - 1] === 'function' ? (defined.pop() as Callback) : undefined;
  rest = defined;
  if (rest.length === 0) return [[], callback];
  if (rest.length === 1 && Array.isArray(rest[0])) return [(rest[0] as unknown[]).map(bindable), callback];
  if (rest.length === 1 && rest[0] !== null && typeof rest[0] === 'object' && !(rest[0] instanceof Date) && !Buffer.isBuffer(rest[0])) {
    // node-sqlite3 names a parameter with its prefix ($name, :name, @name); better-sqlite3 without.
    const named: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest[0] as Record<string, unknown>)) named[/^[$:@]/.test(key) ? key.slice(1) : key] = bindable(value);
    return [[named], callback];
  }
  return [rest.map(bindable), callback];
}

/** A value as node-sqlite3 binds it: booleans as 1 and 0, a Date as its milliseconds. */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value;
}

function isBusy(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_BUSY';
}

/** better-sqlite3's error in node-sqlite3's shape: `code` the primary result code, the message prefixed with it (Sequelize matches both). */
function asNodeSqliteError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const extended = (error as { code?: string }).code;
  if (!extended?.startsWith('SQLITE_')) return error;
  const code = /^SQLITE_[A-Z]+/.exec(extended)![0];
  return Object.assign(new Error(`${code}: ${error.message}`), { code, extendedCode: extended });
}
