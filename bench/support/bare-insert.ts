import { Client } from 'pg';
import BetterSqlite3 from 'better-sqlite3';
import { UsageServiceClient } from '../../resource-provider/wap/usage-service-client';
import type { BenchBackend } from './bench-databases';
import { SQLITE_CONNECTION_PRAGMAS } from '../../core/persistence/sqlite-driver';
import { Database } from '../../core/persistence/database';
import { migrateToLatest } from '../../core/persistence/migrator';
import type { MeterPlugin } from '../../core/plugin-api';
import { MeterUsageRecord } from '../../core/usage/metering/meter-usage-record';
import { eventIdOf, type RawUsageRecord } from '../../core/usage/store/raw-usage-record';
import { QUARANTINE_COLUMNS, USAGE_RECORD_COLUMNS, usagePageRows } from '../../core/persistence/stores/usage-page-rows';
import { pushBindable, StoredDateText } from '../../core/persistence/stores/bulk-rows/stored-date-text';

interface WireRecord extends RawUsageRecord {
  EventId: number;
}

/** The rows the pipeline writes for one page, as bound parameters in its columns' order. */
interface PageRows {
  readonly records: number;
  readonly recordParams: readonly unknown[];
  readonly quarantined: number;
  readonly quarantineParams: readonly unknown[];
}

/**
 * The rows of `usage_records` (and `quarantined_records`) that the pipeline writes for each page
 * of the usage feed, worked out with the pipeline's own code (`usagePageRows`, the meter plugins,
 * the same date text), before the bare driver's timed run: what it writes is then the same rows,
 * value for value, and none of the work of making them is in its time.
 */
export async function pipelineRowsOfPages(usage: UsageServiceClient, batchSize: number, plugins: readonly MeterPlugin[]): Promise<PageRows[]> {
  const meter = new MeterUsageRecord(plugins);
  const dates = new StoredDateText();
  const receivedAt = new Date();
  const pages: PageRows[] = [];
  await pullRate(usage, batchSize, async (page, texts) => {
    const rows = usagePageRows('usage', page.map((record, i) => ({ eventId: eventIdOf(record)!, record, text: texts?.[i] })), meter, receivedAt);
    const recordParams: unknown[] = [];
    for (const row of rows.records) pushBindable(recordParams, row, dates);
    const quarantineParams: unknown[] = [];
    for (const row of rows.quarantined) pushBindable(quarantineParams, row, dates);
    pages.push({ records: rows.records.length, recordParams, quarantined: rows.quarantined.length, quarantineParams });
  });
  return pages;
}

/**
 * The floor the pipeline is measured against: the same pages, pulled the same way, and the same
 * rows (`pipelineRowsOfPages`) written into the same tables (the migrations' own) by the bare
 * driver, in one multi-row INSERT per table and one transaction per page, with no metering, no
 * rollups and no ORM.
 */
export async function bareInsertRate(
  backend: BenchBackend, databaseUrl: string, usage: UsageServiceClient, batchSize: number, rows: readonly PageRows[],
): Promise<{ perSecond: number; cpuSeconds: number }> {
  const schema = new Database({ url: databaseUrl });
  await migrateToLatest(schema);
  await schema.close();
  const writer = backend === 'sqlite' ? await sqliteWriter(databaseUrl.replace(/^sqlite:/, '')) : await postgresWriter(databaseUrl);
  let pages = 0;
  const cpu = process.cpuUsage();
  const perSecond = await pullRate(usage, batchSize, async (page) => {
    const pageRows = rows[pages++];
    if (pageRows?.records !== page.length) throw new Error(`page ${pages} has ${page.length} records, its rows were worked out for ${pageRows?.records}`);
    await writer.insertPage(pageRows);
  });
  const used = process.cpuUsage(cpu);
  await writer.close();
  return { perSecond, cpuSeconds: (used.user + used.system) / 1e6 };
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
  insertPage(rows: PageRows): Promise<void>;
  close(): Promise<void>;
}

function insertSql(table: string, columns: readonly string[], rows: number, numbered: boolean): string {
  const tuples = Array.from({ length: rows }, (_, r) => `(${columns.map((_, c) => (numbered ? `$${r * columns.length + c + 1}` : '?')).join(', ')})`);
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`;
}

async function sqliteWriter(file: string): Promise<BareWriter> {
  const db = new BetterSqlite3(file);
  // The pipeline's connections run these too: the same journal and syncing for both.
  for (const pragma of SQLITE_CONNECTION_PRAGMAS) db.exec(pragma);
  const statements = new Map<string, BetterSqlite3.Statement>();
  const insert = (table: string, columns: readonly string[], rows: number, params: readonly unknown[]) => {
    const sql = insertSql(table, columns, rows, false);
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    statement.run(params);
  };
  return {
    async insertPage(rows) {
      db.exec('BEGIN');
      insert('usage_records', USAGE_RECORD_COLUMNS, rows.records, rows.recordParams);
      if (rows.quarantined > 0) insert('quarantined_records', QUARANTINE_COLUMNS, rows.quarantined, rows.quarantineParams);
      db.exec('COMMIT');
    },
    close: async () => void db.close(),
  };
}

async function postgresWriter(url: string): Promise<BareWriter> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    async insertPage(rows) {
      await client.query('BEGIN');
      await client.query(insertSql('usage_records', USAGE_RECORD_COLUMNS, rows.records, true), rows.recordParams as unknown[]);
      if (rows.quarantined > 0) await client.query(insertSql('quarantined_records', QUARANTINE_COLUMNS, rows.quarantined, true), rows.quarantineParams as unknown[]);
      await client.query('COMMIT');
    },
    close: () => client.end(),
  };
}
