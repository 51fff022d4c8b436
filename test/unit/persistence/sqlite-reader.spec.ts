import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Database } from '../../../core/persistence/database';
import { selectForRequest } from '../../../core/persistence/stores/sequelize-usage-sql';

describe('the reads that answer a tenant on a SQLite file', () => {
  let database: Database;

  beforeEach(async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-reader-')), 'billing.sqlite');
    database = new Database({ url: `sqlite:${file}` });
    await database.sequelize.query('CREATE TABLE readings (id INTEGER PRIMARY KEY, subscription_id TEXT, taken_at DATETIME, quantity TEXT)');
    await database.sequelize.getQueryInterface().bulkInsert('readings', [
      { id: 1, subscription_id: 'a', taken_at: new Date('2025-03-01T00:00:00Z'), quantity: '1.5' },
      { id: 2, subscription_id: 'a', taken_at: new Date('2025-03-02T12:30:00Z'), quantity: '2' },
      { id: 3, subscription_id: 'b', taken_at: new Date('2025-03-02T12:30:00Z'), quantity: '7' },
    ]);
  });

  afterEach(() => database.close());

  const readingsOf = (subscriptionId: string, from: Date, to: Date) => selectForRequest<{ id: number; quantity: string }>(
    database,
    'SELECT id, quantity FROM readings WHERE subscription_id = :subscriptionId AND taken_at >= :from AND taken_at < :to ORDER BY id',
    { subscriptionId, from, to, unused: undefined },
  );

  it('go through a reader of their own, with dates compared as Sequelize wrote them', async () => {
    expect(database.reader).to.not.equal(undefined);
    expect(await readingsOf('a', new Date('2025-03-01T00:00:00Z'), new Date('2025-03-02T12:30:00Z'))).to.deep.equal([{ id: 1, quantity: '1.5' }]);
    expect(await readingsOf('a', new Date('2025-03-01T00:00:01Z'), new Date('2025-04-01T00:00:00Z'))).to.deep.equal([{ id: 2, quantity: '2' }]);
  });

  it('see what every commit wrote, and nothing of a transaction still open', async () => {
    const march = [new Date('2025-03-01T00:00:00Z'), new Date('2025-04-01T00:00:00Z')] as const;
    await database.sequelize.transaction(async (transaction) => {
      await database.sequelize.query("INSERT INTO readings VALUES (4, 'b', '2025-03-05 00:00:00.000 +00:00', '1')", { transaction });
      expect((await readingsOf('b', ...march)).map((r) => r.id)).to.deep.equal([3]);
    });
    expect((await readingsOf('b', ...march)).map((r) => r.id)).to.deep.equal([3, 4]);
  });

  it('keep answering beyond the prepared statements they keep', async () => {
    for (let n = 0; n < 300; n++) {
      const [row] = await selectForRequest<{ n: number }>(database, `SELECT ${n} AS n, COUNT(*) AS c FROM readings`);
      expect(row.n).to.equal(n);
    }
    expect(await readingsOf('b', new Date('2025-03-01T00:00:00Z'), new Date('2025-04-01T00:00:00Z'))).to.deep.equal([{ id: 3, quantity: '7' }]);
  });

  it('are Sequelize\'s own in a database held in memory', async () => {
    const inMemory = new Database({ url: 'sqlite::memory:' });
    try {
      expect(inMemory.reader).to.equal(undefined);
      expect(await selectForRequest<{ one: number }>(inMemory, 'SELECT 1 AS one')).to.deep.equal([{ one: 1 }]);
    } finally {
      await inMemory.close();
    }
  });
});
