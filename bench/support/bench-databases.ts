import * as path from 'node:path';
import { Client } from 'pg';
import { temporaryFolder } from '../../test/support/temporary-folder';

export type BenchBackend = 'sqlite' | 'postgres';

const postgresServer = process.env.BENCH_POSTGRES_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const postgresDatabase = process.env.BENCH_POSTGRES_DATABASE ?? 'wapbilling_bench';

/**
 * An empty database for one benchmark run: a new SQLite file, or the bench database recreated
 * (`suffix` names another beside it, for a run that needs two at once).
 */
export async function emptyBenchDatabase(backend: BenchBackend, suffix = ''): Promise<string> {
  if (backend === 'sqlite') return `sqlite:${path.join(temporaryFolder('wap-billing-bench-'), 'billing.sqlite')}`;
  const name = `${postgresDatabase}${suffix}`;
  const admin = new Client({ connectionString: `${postgresServer}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return `${postgresServer}/${name}`;
}
