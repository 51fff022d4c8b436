import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { Database } from '../../../core/persistence/database';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

// PostgreSQL's connections alone prepare statements (core/persistence/postgres-driver.ts).
if (testBackend() === 'postgres') describe('statements with bound values on PostgreSQL', () => {
  let database: Database;
  before(async () => {
    // One connection, so that every statement below meets the same session's prepared statements.
    database = new Database({ url: await freshDatabaseUrl(), poolMax: 1 });
  });
  after(() => database.close());

  const select = <T extends object>(sql: string, bind?: Record<string, string>) => database.sequelize.query<T>(sql, { type: QueryTypes.SELECT, bind });
  const prepared = () => select<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements ORDER BY name');

  it('are prepared on their second call, and answer each call with its own values', async () => {
    const sums: number[] = [];
    for (const n of ['1', '2', '3']) sums.push((await select<{ sum: number }>('SELECT $v1::int + 10 AS sum', { v1: n }))[0].sum);
    expect(sums).to.deep.equal([11, 12, 13]);
    expect(await prepared()).to.deep.equal([{ name: 'wap_billing_1', statement: 'SELECT $1::int + 10 AS sum' }]);
  });

  it('are not prepared when given once, nor without values', async () => {
    await select('SELECT $v1::text AS once', { v1: 'a' });
    await select('SELECT 1 AS plain');
    await select('SELECT 1 AS plain');
    expect((await prepared()).map((p) => p.statement)).to.deep.equal(['SELECT $1::int + 10 AS sum']);
  });

  it('fail as unprepared ones do, and leave the connection able to prepare the next', async () => {
    const failing = () => select('SELECT $v1::int AS n', { v1: 'not a number' });
    for (let i = 0; i < 2; i++) {
      try {
        await failing();
        expect.fail('the statement should fail');
      } catch (error) {
        expect((error as Error).message).to.match(/invalid input syntax for type integer/);
      }
    }
    expect((await select<{ n: number }>('SELECT $v1::int AS n', { v1: '7' }))[0].n).to.equal(7);
    expect((await prepared()).map((p) => p.statement)).to.include('SELECT $1::int AS n');
  });
});
