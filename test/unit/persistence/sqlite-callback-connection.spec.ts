import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CallbackConnection } from '../../../core/persistence/sqlite-callback-connection';

function open(file: string): Promise<CallbackConnection> {
  return new Promise((resolve, reject) => {
    const connection = new CallbackConnection(file, (error) => (error ? reject(error) : resolve(connection)));
  });
}

function run(connection: CallbackConnection, sql: string, params: unknown = []): Promise<{ lastID: number; changes: number }> {
  return new Promise((resolve, reject) => connection.run(sql, params, function (error) {
    if (error) reject(error);
    else resolve({ lastID: this.lastID, changes: this.changes });
  }));
}

function all<T>(connection: CallbackConnection, sql: string, params: unknown = []): Promise<T[]> {
  return new Promise((resolve, reject) => connection.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
}

function close(connection: CallbackConnection): Promise<void> {
  return new Promise((resolve, reject) => connection.close((error) => (error ? reject(error) : resolve())));
}

describe('a SQLite connection with node-sqlite3\'s callback API over better-sqlite3', () => {
  let file: string;
  beforeEach(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-connection-')), 'db.sqlite');
    const setup = await open(file);
    await run(setup, 'PRAGMA journal_mode = WAL');
    await run(setup, 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE, flag INTEGER, at INTEGER)');
    await close(setup);
  });

  it('binds as node-sqlite3 does (booleans as 1 and 0, Dates as milliseconds, named parameters with their prefix) and answers lastID and changes', async () => {
    const connection = await open(file);
    try {
      const first = await run(connection, 'INSERT INTO notes (body, flag, at) VALUES (?, ?, ?)', ['a', true, new Date('2025-01-01T00:00:00Z')]);
      const second = await run(connection, 'INSERT INTO notes (body, flag, at) VALUES ($body, $flag, $at)', { $body: 'b', $flag: false, $at: null });
      expect([first, second]).to.deep.equal([{ lastID: 1, changes: 1 }, { lastID: 2, changes: 1 }]);
      expect(await all(connection, 'SELECT body, flag, at FROM notes ORDER BY id')).to.deep.equal([
        { body: 'a', flag: 1, at: Date.UTC(2025, 0, 1) },
        { body: 'b', flag: 0, at: null },
      ]);
      expect((await run(connection, 'UPDATE notes SET flag = 1')).changes).to.equal(2);
    } finally {
      await close(connection);
    }
  });

  it('fails a statement with node-sqlite3\'s error: the primary result code, and the message prefixed with it', async () => {
    const connection = await open(file);
    try {
      await run(connection, "INSERT INTO notes (body) VALUES ('a')");
      const failure = await run(connection, "INSERT INTO notes (body) VALUES ('a')").then(() => undefined, (error: Error & { code: string }) => error);
      expect(failure?.code).to.equal('SQLITE_CONSTRAINT');
      expect(failure?.message).to.equal('SQLITE_CONSTRAINT: UNIQUE constraint failed: notes.body');
    } finally {
      await close(connection);
    }
  });

  it('lets a statement that finds the file locked wait, with the event loop free, until the writer commits; the statements after it wait behind it, in order', async () => {
    const writer = await open(file);
    const other = await open(file);
    try {
      await run(writer, 'BEGIN IMMEDIATE');
      await run(writer, "INSERT INTO notes (body) VALUES ('first')");
      const order: string[] = [];
      const blocked = run(other, "INSERT INTO notes (body) VALUES ('second')").then(() => order.push('second'));
      const behind = run(other, "INSERT INTO notes (body) VALUES ('third')").then(() => order.push('third'));
      // The loop turns while they wait: the writer's own statements go on and commit.
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(order).to.deep.equal([]);
      await run(writer, 'COMMIT');
      order.push('committed');
      await Promise.all([blocked, behind]);
      expect(order).to.deep.equal(['committed', 'second', 'third']);
      expect(await all(other, 'SELECT body FROM notes ORDER BY id')).to.deep.equal([{ body: 'first' }, { body: 'second' }, { body: 'third' }]);
    } finally {
      await close(writer);
      await close(other);
    }
  });

  it('gives up on a lock held past the busy timeout with SQLITE_BUSY', async function () {
    this.timeout(10_000);
    const writer = await open(file);
    const other = await open(file);
    try {
      await run(writer, 'BEGIN IMMEDIATE');
      const started = Date.now();
      const failure = await run(other, "INSERT INTO notes (body) VALUES ('late')").then(() => undefined, (error: Error & { code: string }) => error);
      expect(failure?.code).to.equal('SQLITE_BUSY');
      expect(Date.now() - started).to.be.within(4_900, 8_000);
      await run(writer, 'ROLLBACK');
    } finally {
      await close(writer);
      await close(other);
    }
  });
});
