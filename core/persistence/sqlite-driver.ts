import sqlite3 from 'sqlite3';

/**
 * Run on every SQLite connection the app opens. With write-ahead logging, readers (usage
 * queries, the admin portal) go on while the collector writes, and a commit appends to the log
 * instead of rewriting pages through a rollback journal. `synchronous` stays FULL: a commit is
 * on disk when it returns, which invoices and payments need; NORMAL measured no faster here.
 * Reads go through memory-mapped pages (up to 1 GiB of the file, shared by all connections
 * through the OS page cache) and a 64 MiB page cache per connection instead of SQLite's 2 MB:
 * over 5 million usage records, tenant queries' p99 fell from about 48 to 38 ms (`npm run bench`).
 */
export const SQLITE_CONNECTION_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA mmap_size = 1073741824', 'PRAGMA cache_size = -65536'] as const;

/**
 * Log pages past which a commit checkpoints the log itself: a backstop only, for a process whose
 * checkpoints fall behind (`BackgroundCheckpoints` keeps the log far shorter), 64 MB.
 */
const AUTOCHECKPOINT_PAGES = 16_384;

/** node-sqlite3 as Sequelize's `dialectModule`, and the connections it keeps open between transactions. */
export interface SqliteDriver {
  readonly module: typeof sqlite3;
  /** Closes the connections kept between transactions; every connection closed from now on is closed for good. */
  closeIdle(): Promise<void>;
}

/**
 * node-sqlite3 for Sequelize's `dialectModule`, with `SQLITE_CONNECTION_PRAGMAS` queued right
 * after each connection opens (before any statement Sequelize sends). Sequelize's SQLite
 * connection manager runs no connect hooks, and it opens a connection per transaction and closes
 * it after: a new connection opens the file, runs the pragmas and reads the schema again, 5 to
 * 11 ms for each page the collector stores (`npm run bench`). So a connection that Sequelize
 * closes is kept instead, and the next one it opens on the same file is that one.
 */
export function sqliteDriver(): SqliteDriver {
  const idle = new Map<string, sqlite3.Database[]>();
  const checkpoints = new Map<string, BackgroundCheckpoints>();
  let closing = false;
  class Database extends sqlite3.Database {
    private poolKey: string | undefined;
    private checkpoints: BackgroundCheckpoints | undefined;
    /** Whether the last statement was a COMMIT that succeeded: nothing of a transaction is left open. */
    private committed = false;

    constructor(filename: string, mode?: number, callback?: (error: Error | null) => void) {
      const key = `${mode}\u0000${filename}`;
      const kept = filename === ':memory:' || closing ? undefined : idle.get(key)?.pop();
      if (kept) {
        if (callback) process.nextTick(callback, null);
        return kept as Database;
      }
      super(filename, mode as number, callback);
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
    override all(sql: string, ...rest: unknown[]): this {
      return super.all(sql, ...(this.afterCommit(sql, rest) as []));
    }

    override run(sql: string, ...rest: unknown[]): this {
      return super.run(sql, ...(this.afterCommit(sql, rest) as []));
    }

    override exec(sql: string, callback?: (error: Error | null) => void): this {
      this.committed = false;
      return super.exec(sql, callback);
    }

    /** `rest` with its callback, if `sql` commits, first asking for a checkpoint of what it wrote. */
    private afterCommit(sql: string, rest: unknown[]): unknown[] {
      this.committed = false;
      const checkpoints = this.checkpoints;
      const last = rest.length - 1;
      const callback = rest[last];
      if (!checkpoints || !sql.startsWith('COMMIT') || typeof callback !== 'function') return rest;
      const connection = this;
      return [...rest.slice(0, last), function (this: unknown, error: Error | null, ...results: unknown[]) {
        if (!error) {
          connection.committed = true;
          checkpoints.request();
        }
        return (callback as (...args: unknown[]) => unknown).call(this, error, ...results);
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
    module: { ...sqlite3, Database } as typeof sqlite3,
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
 * Checkpoints a file's write-ahead log after commits, on a connection of its own, while the
 * writers go on. Left to SQLite, the commit that takes the log past 1000 pages copies them back
 * into the database file itself, and whoever committed waits: a roll-up's commit took 60 ms and
 * a page's up to 40 (`npm run bench`). A PASSIVE checkpoint waits for no reader or writer; the
 * requests that come while one runs are served by one more after it.
 */
class BackgroundCheckpoints {
  private connection: sqlite3.Database | undefined;
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
    this.connection ??= new sqlite3.Database(this.filename);
    this.connection.run('PRAGMA wal_checkpoint(PASSIVE)', () => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }

  close(): Promise<void> {
    const connection = this.connection;
    this.closed ??= connection ? new Promise<void>((resolve) => connection.close(() => resolve())) : Promise.resolve();
    return this.closed;
  }
}
