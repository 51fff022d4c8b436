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
  let closing = false;
  class Database extends sqlite3.Database {
    private poolKey: string | undefined;

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
      for (const pragma of SQLITE_CONNECTION_PRAGMAS) this.run(pragma, () => undefined);
    }

    override close(callback?: (error: Error | null) => void): void {
      const key = this.poolKey;
      if (key === undefined || closing) {
        super.close(callback);
        return;
      }
      // Whatever a failed transaction left open must not reach the connection's next user.
      this.run('ROLLBACK', () => {
        const list = idle.get(key) ?? [];
        list.push(this);
        idle.set(key, list);
        callback?.(null);
      });
    }
  }
  return {
    module: { ...sqlite3, Database } as typeof sqlite3,
    async closeIdle() {
      closing = true;
      const all = [...idle.values()].flat();
      idle.clear();
      await Promise.all(all.map((db) => new Promise<void>((resolve) => db.close(() => resolve()))));
    },
  };
}
