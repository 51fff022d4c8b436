import * as fs from 'node:fs';
import * as path from 'node:path';
import { Sequelize } from 'sequelize';
import { sequelizeOptionsFor, type DialectName } from './database-url';
import { sqliteDriver, type SqliteDriver } from './sqlite-driver';
import { postgresDriver } from './postgres-driver';

export const DatabaseSettings = Symbol('DatabaseSettings');
export interface DatabaseSettings {
  /** See `sequelizeOptionsFor` for the accepted forms. */
  readonly url: string;
  /** Largest number of pooled connections (SQLite always uses one). */
  readonly poolMax?: number;
}

/** The one Sequelize instance of the process, with the dialect it speaks. */
export class Database {
  readonly sequelize: Sequelize;
  readonly dialect: DialectName;
  private readonly sqlite: SqliteDriver | undefined;

  constructor(settings: DatabaseSettings) {
    const options = sequelizeOptionsFor(settings.url);
    this.dialect = options.dialect;
    if (options.dialect === 'sqlite' && options.storage !== ':memory:') {
      fs.mkdirSync(path.dirname(options.storage!), { recursive: true });
    }
    this.sqlite = options.dialect === 'sqlite' ? sqliteDriver() : undefined;
    this.sequelize = new Sequelize({
      ...options,
      logging: false,
      timezone: '+00:00',
      pool: options.dialect === 'sqlite' ? { max: 1 } : { max: settings.poolMax ?? 10 },
      dialectOptions: dialectOptions(options.dialect),
      ...(this.sqlite ? { dialectModule: this.sqlite.module } : options.dialect === 'postgres' ? { dialectModule: postgresDriver } : {}),
    });
  }

  /** Resolves when the database answers a trivial query; rejects with the driver's error otherwise. */
  async ping(): Promise<void> {
    await this.sequelize.query('SELECT 1');
  }

  async close(): Promise<void> {
    const idle = this.sqlite?.closeIdle();
    await this.sequelize.close();
    await idle;
  }
}

function dialectOptions(dialect: DialectName): Record<string, unknown> {
  switch (dialect) {
    case 'mariadb':
      // Exact DECIMAL values come back as strings, never as doubles.
      return { supportBigNumbers: true, bigNumberStrings: true };
    case 'mssql':
      return { options: { encrypt: true, trustServerCertificate: false, useUTC: true } };
    default:
      return {};
  }
}
