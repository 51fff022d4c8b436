import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CallbackConnection, type Statement } from './sqlite-callback-connection';

/**
 * Run on every SQLite connection the app opens. With write-ahead logging, readers (usage
 * queries, the admin portal) go on while the collector writes, and a commit appends to the log
 * instead of rewriting pages through a rollback journal. `synchronous` is FULL (better-sqlite3 is
 * built with NORMAL as WAL's default): a commit is on disk when it returns, which invoices and
 * payments need. It costs about 6 ms a commit on this machine's disk, a tenth of the collector's
 * time (`npm run bench`).
 * Reads go through memory-mapped pages (up to 1 GiB of the file, shared by all connections
 * through the OS page cache) and a 64 MiB page cache per connection instead of SQLite's 2 MB:
 * over 5 million usage records, tenant queries' p99 fell from about 48 to 38 ms (`npm run bench`).
 */
export const SQLITE_CONNECTION_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = FULL', 'PRAGMA mmap_size = 1073741824', 'PRAGMA cache_size = -65536'] as const;

/**
 * Log pages past which a commit checkpoints the log itself: a backstop only, for a process whose
 * checkpoints fall behind (`BackgroundCheckpoints` keeps the log far shorter), 64 MB.
 */
const AUTOCHECKPOINT_PAGES = 16_384;

/** The module Sequelize's SQLite dialect takes as `dialectModule`: node-sqlite3's shape. */
export interface SqliteModule {
  readonly Database: new (filename: string, mode?: number, callback?: (error: Error | null) => void) => object;
  readonly OPEN_READONLY: number;
  readonly OPEN_READWRITE: number;
  readonly OPEN_CREATE: number;
}

/** The SQLite driver of Sequelize's `dialectModule`, and the connections it keeps open between transactions. */
export interface SqliteDriver {
  readonly module: SqliteModule;
  /** Closes the connections kept between transactions; every connection closed from now on is closed for good. */
  closeIdle(): Promise<void>;
}

type Callback = (this: Statement, error: Error | null, rows?: unknown[]) => void;

/**
 * better-sqlite3 for Sequelize's `dialectModule`, in node-sqlite3's shape (`CallbackConnection`),
 * each connection with `SQLITE_CONNECTION_PRAGMAS` run as it opens (Sequelize's SQLite connection
 * manager runs no connect hooks). Sequelize opens a connection per transaction and closes it
 * after: a new connection opens the file, runs the pragmas and reads the schema again, 5 to 11 ms
 * for each page the collector stores (`npm run bench`). So a connection that Sequelize closes is
 * kept instead, and the next one it opens on the same file is that one.
 */
export function sqliteDriver(): SqliteDriver {
  const idle = new Map<string, Database[]>();
  const checkpoints = new Map<string, BackgroundCheckpoints>();
  let closing = false;
  class Database extends CallbackConnection {
    private poolKey: string | undefined;
    private checkpoints: BackgroundCheckpoints | undefined;
    /** Whether the last statement was a COMMIT that succeeded: nothing of a transaction is left open. */
    private committed = false;

    constructor(filename: string, mode?: number, callback?: (error: Error | null) => void) {
      const key = `${mode}\u0000${filename}`;
      const kept = filename === ':memory:' || closing ? undefined : idle.get(key)?.pop();
      if (kept) {
        if (callback) setImmediate(callback, null);
        return kept;
      }
      super(filename, mode, callback);
      this.poolKey = filename === ':memory:' ? undefined : key;
      // A failure (another connection holding a lock while the file is switched to WAL) leaves
      // this connection in the file's current mode; the next connection switches it.
      for (const pragma of [...SQLITE_CONNECTION_PRAGMAS, `PRAGMA wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`]) this.run(pragma, () => undefined);
      if (filename !== ':memory:') {
        let forFile = checkpoints.get(filename);
        if (!forFile) checkpoints.set(filename, (forFile = new BackgroundCheckpoints(filename)));
        this.checkpoints = forFile;
      }
    }

    // Sequelize runs its statements, COMMIT among them, through `all` and `run`.
    override all(sql: string, params?: unknown, callback?: Callback): this {
      return super.all(sql, ...this.afterCommit(sql, params, callback));
    }

    override run(sql: string, params?: unknown, callback?: Callback): this {
      return super.run(sql, ...this.afterCommit(sql, params, callback));
    }

    override exec(sql: string, callback?: (error: Error | null) => void): this {
      this.committed = false;
      return super.exec(sql, callback);
    }

    /** The arguments after `sql`, with a callback that first asks for a checkpoint if `sql` commits. */
    private afterCommit(sql: string, params: unknown, callback: Callback | undefined): [unknown, Callback | undefined] {
      if (typeof params === 'function') [callback, params] = [params as Callback, undefined];
      this.committed = false;
      const checkpoints = this.checkpoints;
      if (!checkpoints || !sql.startsWith('COMMIT')) return [params, callback];
      const connection = this;
      return [params, function (this: Statement, error: Error | null, rows?: unknown[]) {
        if (!error) {
          connection.committed = true;
          checkpoints.request();
        }
        callback?.call(this, error, rows);
      }];
    }

    override close(callback?: (error: Error | null) => void): void {
      const key = this.poolKey;
      if (key === undefined || closing) {
        super.close(callback);
        return;
      }
      const keep = () => {
        const list = idle.get(key) ?? [];
        list.push(this);
        idle.set(key, list);
        callback?.(null);
      };
      // Whatever a failed transaction left open must not reach the connection's next user; after a commit there is nothing.
      if (this.committed) keep();
      else this.run('ROLLBACK', keep);
    }
  }
  return {
    module: { Database, OPEN_READONLY: CallbackConnection.OPEN_READONLY, OPEN_READWRITE: CallbackConnection.OPEN_READWRITE, OPEN_CREATE: CallbackConnection.OPEN_CREATE },
    async closeIdle() {
      closing = true;
      const all = [...idle.values()].flat();
      idle.clear();
      await Promise.all([
        ...all.map((db) => new Promise<void>((resolve) => db.close(() => resolve()))),
        ...[...checkpoints.values()].map((c) => c.close()),
      ]);
    },
  };
}

/**
 * Checkpoints a file's write-ahead log after commits, on a thread and connection of its own,
 * while the writers go on. Left to SQLite, the commit that takes the log past 1000 pages copies
 * them back into the database file itself, and whoever committed waits: a roll-up's commit took
 * 60 ms and a page's up to 40 (`npm run bench`). A PASSIVE checkpoint waits for no reader or
 * writer; the requests that come while one runs are served by one more after it.
 */
class BackgroundCheckpoints {
  private worker: Worker | undefined;
  private running = false;
  private again = false;
  private closed: Promise<void> | undefined;

  constructor(private readonly filename: string) {}

  request(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    if (!this.worker) {
      this.worker = new Worker(path.join(__dirname, 'sqlite-checkpoint-worker.js'), { workerData: { filename: this.filename } });
      // Checkpoints never keep the process alive.
      this.worker.unref();
      this.worker.on('message', () => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.request();
        }
      });
      // A thread that fails takes its checkpoints with it; SQLite's own, at the backstop, still run.
      this.worker.on('error', () => {
        this.closed ??= Promise.resolve();
        this.running = false;
      });
    }
    this.worker.postMessage('checkpoint');
  }

  close(): Promise<void> {
    const worker = this.worker;
    this.closed ??= worker ? new Promise<void>((resolve) => {
      // Held until the thread has ended: awaiting an unreferenced worker, a process with nothing else to do would exit first.
      worker.ref();
      worker.once('exit', () => resolve());
      worker.postMessage('close');
    }) : Promise.resolve();
    return this.closed;
  }
}
