/**
 * The thread of `BackgroundCheckpoints`: one connection to a database file that, for each message,
 * copies what it can of the write-ahead log back into the file (a PASSIVE checkpoint waits for no
 * reader or writer) and answers when done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

const connection = new BetterSqlite3((workerData as { filename: string }).filename, { timeout: 0 });
parentPort!.on('message', (message: 'checkpoint' | 'close') => {
  if (message === 'close') {
    connection.close();
    parentPort!.close();
    return;
  }
  try {
    connection.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A checkpoint that could not run now runs at the next request, or SQLite's own at the backstop.
  }
  parentPort!.postMessage('done');
});
