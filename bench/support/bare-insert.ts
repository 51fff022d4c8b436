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
 * The floor the pipeline is measured against: the same pages, pulled the same way, and the same
 * rows written into the same tables (the migrations' own) by the bare driver, in one multi-row
 * INSERT per table and one transaction per page, with no rollups and no ORM. The rows are the
 * pipeline's own, value for value: each page's are worked out with its code (`usagePageRows`, the
 * meter plugins, the same date text) between pulling the page and writing it, off the clock, so
 * that neither the work of making them is in the bare driver's time nor all of them in memory.
 */
export async function bareInsertRate(
  backend: BenchBackend, databaseUrl: string, usage: UsageServiceClient, batchSize: number, plugins: readonly MeterPlugin[],
): Promise<BareRate> {
  const schema = new Database({ url: databaseUrl });
  await migrateToLatest(schema);
  await schema.close();
  const writer = backend === 'sqlite' ? await sqliteWriter(databaseUrl.replace(/^sqlite:/, '')) : await postgresWriter(databaseUrl);
  const rowsOf = pageRowsMaker(plugins);
  const clock = new Stopwatch();
  const writing = new Stopwatch();
  let startId = 1;
  let records = 0;
  for (;;) {
    const { records: pulled, texts } = await clock.time(() => usage.page('usage', String(startId), batchSize));
    const page = pulled as WireRecord[];
    if (page.length === 0) break;
    const rows = rowsOf(page, texts);
    // The garbage of making them collected off the clock too (with --expose-gc, as the bench runs).
    global.gc?.({ type: 'minor' });
    await clock.time(() => writing.time(() => writer.insertPage(rows)));
    records += page.length;
    startId = page[page.length - 1].EventId + 1;
  }
  await writer.close();
  return { perSecond: records / clock.seconds, cpuSeconds: clock.cpuSeconds, writePerSecond: records / writing.seconds };
}

export interface BareRate {
  /** Records per second pulled and written. */
  readonly perSecond: number;
  readonly cpuSeconds: number;
  /** Records per second of the writes alone (each page's INSERTs and commit): the database's own ceiling on this machine. */
  readonly writePerSecond: number;
}

/** Works out a page's rows as the pipeline does, keeping what it keeps from page to page: the meters, their caches, the date texts. */
function pageRowsMaker(plugins: readonly MeterPlugin[]): (page: readonly WireRecord[], texts?: readonly string[]) => PageRows {
  const meter = new MeterUsageRecord(plugins);
  const dates = new StoredDateText();
  const receivedAt = new Date();
  return (page, texts) => {
    const rows = usagePageRows('usage', page.map((record, i) => ({ eventId: eventIdOf(record)!, record, text: texts?.[i] })), meter, receivedAt);
    const recordParams: unknown[] = [];
    for (const row of rows.records) pushBindable(recordParams, row, dates);
    const quarantineParams: unknown[] = [];
    for (const row of rows.quarantined) pushBindable(quarantineParams, row, dates);
    return { records: rows.records.length, recordParams, quarantined: rows.quarantined.length, quarantineParams };
  };
}

/** Wall and CPU time of the steps it times, and of nothing between them. */
class Stopwatch {
  private nanoseconds = 0n;
  private cpuMicroseconds = 0;

  async time<T>(step: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    try {
      return await step();
    } finally {
      this.nanoseconds += process.hrtime.bigint() - started;
      const used = process.cpuUsage(cpu);
      this.cpuMicroseconds += used.user + used.system;
    }
  }

  get seconds(): number {
    return Number(this.nanoseconds) / 1e9;
  }

  get cpuSeconds(): number {
    return this.cpuMicroseconds / 1e6;
  }
}

/**
 * The ceiling above both: the same pages pulled and parsed, and nothing done with them, in
 * records per second. With the emulator on the same two cores, no pipeline writing them anywhere
 * can go faster.
 */
export async function sourceRate(usage: UsageServiceClient, batchSize: number): Promise<number> {
  const started = process.hrtime.bigint();
  let startId = 1;
  let records = 0;
  for (;;) {
    const page = (await usage.page('usage', String(startId), batchSize)).records as WireRecord[];
    if (page.length === 0) break;
    records += page.length;
    startId = page[page.length - 1].EventId + 1;
  }
  return records / (Number(process.hrtime.bigint() - started) / 1e9);
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
    const key = `${table}/${rows}`;
    let statement = statements.get(key);
    if (!statement) statements.set(key, (statement = db.prepare(insertSql(table, columns, rows, false))));
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
