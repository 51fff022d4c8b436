import * as path from 'node:path';
import { Sequelize } from 'sequelize';
import { temporaryFolder } from './temporary-folder';

export type Backend = 'sqlite' | 'postgres' | 'mariadb';

/** The backend this mocha process tests against, chosen by the runner through TEST_DB. */
export function testBackend(): Backend {
  const backend = process.env.TEST_DB ?? 'sqlite';
  if (backend !== 'sqlite' && backend !== 'postgres' && backend !== 'mariadb') throw new Error(`TEST_DB must be sqlite, postgres or mariadb, not '${backend}'`);
  return backend;
}

/** Each developer (or helper) may point tests at a database of its own so that runs never collide. */
const postgresServer = process.env.TEST_POSTGRES_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const mariadbServer = process.env.TEST_MARIADB_SERVER ?? 'mariadb://root@127.0.0.1:3306';
const databaseName = process.env.TEST_DATABASE_NAME ?? 'wapbilling_test';

/**
 * Returns the URL of an empty database on the current backend: a new SQLite file, or the test
 * database on PostgreSQL / MariaDB emptied of every table.
 */
export async function freshDatabaseUrl(backend: Backend = testBackend()): Promise<string> {
  switch (backend) {
    case 'sqlite': {
      const dir = temporaryFolder('wap-billing-test-');
      return `sqlite:${path.join(dir, 'billing.sqlite')}`;
    }
    case 'postgres': {
      await withAdmin(`${postgresServer}/postgres`, async (admin) => {
        const [rows] = await admin.query(`SELECT 1 FROM pg_database WHERE datname = '${databaseName}'`);
        if (rows.length === 0) await admin.query(`CREATE DATABASE "${databaseName}"`);
      });
      await withAdmin(`${postgresServer}/${databaseName}`, async (db) => {
        await db.query('DROP SCHEMA public CASCADE');
        await db.query('CREATE SCHEMA public');
      });
      return `${postgresServer}/${databaseName}`;
    }
    case 'mariadb':
      await withAdmin(`${mariadbServer}/mysql`, async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS \`${databaseName}\``);
        await admin.query(`CREATE DATABASE \`${databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      });
      return `${mariadbServer}/${databaseName}`;
  }
}

async function withAdmin(url: string, action: (sequelize: Sequelize) => Promise<void>): Promise<void> {
  const sequelize = new Sequelize(url, { logging: false, dialectOptions: { bigNumberStrings: true } });
  try {
    await action(sequelize);
  } finally {
    await sequelize.close();
  }
}
