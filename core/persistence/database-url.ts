import * as path from 'node:path';
import type { Options } from 'sequelize';

export type DialectName = 'sqlite' | 'postgres' | 'mariadb' | 'mssql';

/** Thrown for a `DATABASE_URL` that names no supported database; the message is for the admin. */
export class DatabaseUrlError extends Error {}

/**
 * Turns `DATABASE_URL` into Sequelize options. Accepted forms: `sqlite:data/billing.sqlite`
 * (relative to the working directory), `sqlite::memory:`, `postgres://…`, `mariadb://…` (also
 * `mysql://`), `mssql://user:pass@host:1433/db`.
 */
export function sequelizeOptionsFor(databaseUrl: string): Options & { dialect: DialectName } {
  const sqlite = /^sqlite:(.*)$/.exec(databaseUrl);
  if (sqlite) {
    const file = sqlite[1].replace(/^\/\//, '');
    if (!file) throw new DatabaseUrlError('a sqlite: URL needs a file, e.g. sqlite:data/billing.sqlite');
    return { dialect: 'sqlite', storage: file === ':memory:' ? ':memory:' : path.resolve(file) };
  }
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new DatabaseUrlError('expected sqlite:<file>, postgres://…, mariadb://… or mssql://…');
  }
  const dialect = dialectOf(url.protocol);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new DatabaseUrlError(`a ${dialect} URL needs a database name after the host`);
  return {
    dialect,
    host: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    username: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database,
  };
}

function dialectOf(protocol: string): Exclude<DialectName, 'sqlite'> {
  switch (protocol) {
    case 'postgres:':
    case 'postgresql:':
      return 'postgres';
    case 'mariadb:':
    case 'mysql:':
      return 'mariadb';
    case 'mssql:':
    case 'sqlserver:':
      return 'mssql';
    default:
      throw new DatabaseUrlError(`unsupported database '${protocol.replace(/:$/, '')}': use sqlite, postgres, mariadb or mssql`);
  }
}

/** The URL with its password masked, for logs and error messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  return databaseUrl.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}
