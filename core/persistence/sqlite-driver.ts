import sqlite3 from 'sqlite3';

/**
 * Run on every SQLite connection the app opens. Write-ahead logging lets readers (usage queries)
 * go on while the collector writes, and with it `synchronous = NORMAL` syncs the log at
 * checkpoints instead of at every commit: a power cut may lose the last commits, never corrupt the
 * file, and the collector then pulls those pages again (their watermark went with them).
 */
export const SQLITE_CONNECTION_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL'] as const;

/**
 * node-sqlite3 for Sequelize's `dialectModule`, with `SQLITE_CONNECTION_PRAGMAS` queued right
 * after each connection opens (before any statement Sequelize sends). Sequelize's SQLite
 * connection manager runs no connect hooks, and it opens a connection per transaction.
 */
export function sqliteDriver(): typeof sqlite3 {
  class Database extends sqlite3.Database {
    constructor(filename: string, mode?: number, callback?: (error: Error | null) => void) {
      super(filename, mode as number, callback);
      // A failure (another connection holding a lock while the file is switched to WAL) leaves
      // this connection in the file's current mode; the next connection switches it.
      for (const pragma of SQLITE_CONNECTION_PRAGMAS) this.run(pragma, () => undefined);
    }
  }
  return { ...sqlite3, Database } as typeof sqlite3;
}
