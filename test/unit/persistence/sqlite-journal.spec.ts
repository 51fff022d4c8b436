import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { QueryTypes } from 'sequelize';
import { Database } from '../../../core/persistence/database';

describe('a SQLite database file', () => {
  it('is written ahead to a log, so that usage queries never wait for the collector; commits stay synchronous; reads are memory-mapped', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-journal-')), 'billing.sqlite');
    const database = new Database({ url: `sqlite:${file}` });
    try {
      await database.sequelize.transaction(async (transaction) => {
        const [mode] = await database.sequelize.query<{ journal_mode: string }>('PRAGMA journal_mode', { type: QueryTypes.SELECT, transaction });
        const [sync] = await database.sequelize.query<{ synchronous: number }>('PRAGMA synchronous', { type: QueryTypes.SELECT, transaction });
        expect([mode.journal_mode, sync.synchronous]).to.deep.equal(['wal', 2]); // 2: FULL
      });
      const [mmap] = await database.sequelize.query<{ mmap_size: number }>('PRAGMA mmap_size', { type: QueryTypes.SELECT });
      const [cache] = await database.sequelize.query<{ cache_size: number }>('PRAGMA cache_size', { type: QueryTypes.SELECT });
      expect([mmap.mmap_size, cache.cache_size]).to.deep.equal([1073741824, -65536]);
    } finally {
      await database.close();
    }
  });

  it('copies what commits wrote back from the log into the file in the background, SQLite\'s own checkpoint only a backstop', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-journal-')), 'billing.sqlite');
    const database = new Database({ url: `sqlite:${file}` });
    try {
      const [pages] = await database.sequelize.query<{ wal_autocheckpoint: number }>('PRAGMA wal_autocheckpoint', { type: QueryTypes.SELECT });
      expect(pages.wal_autocheckpoint).to.equal(16384);
      await database.sequelize.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      const sizeBefore = fs.statSync(file).size;
      // 2 MB in ten commits: far below the 64 MB at which SQLite would checkpoint by itself.
      for (let commit = 0; commit < 10; commit++) {
        await database.sequelize.transaction(async (transaction) => {
          const rows = Array.from({ length: 200 }, (_, i) => `(${commit * 200 + i}, '${'x'.repeat(1000)}')`).join(', ');
          await database.sequelize.query(`INSERT INTO notes VALUES ${rows}`, { transaction });
        });
      }
      let size = fs.statSync(file).size;
      for (let wait = 0; wait < 100 && size - sizeBefore < 2_000_000; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        size = fs.statSync(file).size;
      }
      expect(size - sizeBefore).to.be.greaterThan(2_000_000);
      const [count] = await database.sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM notes', { type: QueryTypes.SELECT });
      expect(count.n).to.equal(2000);
    } finally {
      await database.close();
    }
  });

  it('holds the process until the checkpoint thread has ended when the database closes, and goes on after', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-journal-')), 'billing.sqlite');
    // A process whose only work left is closing the database: nothing else keeps it alive meanwhile.
    const script = `
      const { Database } = require(${JSON.stringify(require.resolve('../../../core/persistence/database'))});
      (async () => {
        const database = new Database({ url: ${JSON.stringify(`sqlite:${file}`)} });
        await database.sequelize.transaction((transaction) => database.sequelize.query('CREATE TABLE notes (id INTEGER PRIMARY KEY)', { transaction }));
        await database.close();
        console.log('closed');
      })();`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim(), run.stderr).to.equal('closed');
  });
});
