import { expect } from 'chai';
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
});
