import { Client } from 'pg';
import BetterSqlite3 from 'better-sqlite3';
import { UsageServiceClient } from '../../resource-provider/wap/usage-service-client';
import type { BenchBackend } from './bench-databases';
import { SQLITE_CONNECTION_PRAGMAS } from '../../core/persistence/sqlite-driver';

interface WireRecord {
  EventId: number;
  SubscriptionId: string;
  ProviderName: string;
}

const CREATE = `CREATE TABLE bare_usage_records (feed VARCHAR(32) NOT NULL, event_id BIGINT NOT NULL, subscription_id VARCHAR(64),
  provider_name VARCHAR(128), payload TEXT NOT NULL, received_at VARCHAR(40) NOT NULL, PRIMARY KEY (feed, event_id))`;

/**
 * The floor the pipeline is measured against: the same pages, pulled the same way, written as the
 * same raw rows by the bare driver in one multi-row INSERT and one transaction per page, with no
 * metering, no rollups and no ORM.
 */
export async function bareInsertRate(backend: BenchBackend, databaseUrl: string, usage: UsageServiceClient, batchSize: number): Promise<number> {
  const writer = backend === 'sqlite' ? await sqliteWriter(databaseUrl.replace(/^sqlite:/, '')) : await postgresWriter(databaseUrl);
  await writer.exec(CREATE);
  const rate = await pullRate(usage, batchSize, async (page, texts) => {
    const now = new Date().toISOString();
    // Each record as WAP sent it, as the pipeline keeps it.
    const params = page.flatMap((r, i) => ['usage', r.EventId, r.SubscriptionId, r.ProviderName, texts?.[i] ?? JSON.stringify(r), now]);
    await writer.insertPage(page.length, params);
  });
  await writer.close();
  return rate;
}

/**
 * The ceiling above both: the same pages pulled and parsed, and nothing done with them. With the
 * emulator on the same two cores, no pipeline writing them anywhere can go faster.
 */
export function sourceRate(usage: UsageServiceClient, batchSize: number): Promise<number> {
  return pullRate(usage, batchSize, async () => undefined);
}

/** Records per second of pulling the whole usage feed a page at a time, each page handed to `take` before the next is asked for. */
async function pullRate(usage: UsageServiceClient, batchSize: number, take: (page: WireRecord[], texts?: readonly string[]) => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  let startId = 1;
  let rows = 0;
  for (;;) {
    const { records, texts } = await usage.page('usage', String(startId), batchSize);
    const page = records as WireRecord[];
    if (page.length === 0) break;
    await take(page, texts);
    rows += page.length;
    startId = page[page.length - 1].EventId + 1;
  }
  return rows / (Number(process.hrtime.bigint() - started) / 1e9);
}

interface BareWriter {
  exec(sql: string): Promise<void>;
  insertPage(rows: number, params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

function placeholders(rows: number, numbered: boolean): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: 6 }, (_, c) => (numbered ? `$${r * 6 + c + 1}` : '?')).join(', ')})`).join(', ');
}

async function sqliteWriter(file: string): Promise<BareWriter> {
  const db = new BetterSqlite3(file);
  // The pipeline's connections run these too: the same journal and syncing for both.
  for (const pragma of SQLITE_CONNECTION_PRAGMAS) db.exec(pragma);
  const insert = new Map<number, BetterSqlite3.Statement>();
  return {
    exec: async (sql) => void db.exec(sql),
    async insertPage(rows, params) {
      let statement = insert.get(rows);
      if (!statement) insert.set(rows, (statement = db.prepare(`INSERT INTO bare_usage_records VALUES ${placeholders(rows, false)}`)));
      db.exec('BEGIN');
      statement.run(params);
      db.exec('COMMIT');
    },
    close: async () => void db.close(),
  };
}

async function postgresWriter(url: string): Promise<BareWriter> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    async insertPage(rows, params) {
      await client.query('BEGIN');
      await client.query(`INSERT INTO bare_usage_records VALUES ${placeholders(rows, true)}`, params);
      await client.query('COMMIT');
    },
    close: () => client.end(),
  };
}
