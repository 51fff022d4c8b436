import { inject, injectable } from 'inversify';
import { Transaction } from 'sequelize';
import { Clock } from '../../time/clock';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import type { DialectName } from '../database-url';
import { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { meterRecords, type QuarantineEntry } from '../../usage/store/meter-records';
import type { RawUsageRecord } from '../../usage/store/raw-usage-record';
import type { ReprocessOutcome, ReprocessQuarantine } from '../../usage/store/reprocess-quarantine';
import { SequelizeUsageWriter } from './sequelize-usage-writer';
import { bigintAsText, readBigint, select } from './sequelize-usage-sql';

/** Records per transaction: a large quarantine is worked through in batches, each all or nothing. */
const BATCH = 500;

/**
 * How a batch's quarantine rows are locked as they are read (SQL Server by a table hint, SQLite by
 * its one writer). PostgreSQL locks those of `q` only, and reads a row again once its lock is
 * released: one released meanwhile no longer matches and is skipped.
 */
const LOCK_ROWS: Partial<Record<DialectName, string>> = { postgres: ' FOR UPDATE OF q', mariadb: ' FOR UPDATE' };

interface QuarantinedRow {
  feed: string;
  event_id: string | number;
  payload: string;
}

@injectable()
export class SequelizeUsageQuarantine implements ReprocessQuarantine {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(SequelizeUsageWriter) private readonly writer: SequelizeUsageWriter,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async reprocess(): Promise<ReprocessOutcome> {
    const meter = new MeterUsageRecord(this.meters.active());
    const total = { examined: 0, released: 0, stillQuarantined: 0 };
    let after: { feed: string; eventId: string } | undefined;
    for (;;) {
      // IMMEDIATE: on SQLite, two runs take the write lock before reading, one after the other
      // (a run that read first could not write after the other committed). Other dialects ignore it.
      const batch = await this.database.sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, async (transaction) => {
        const rows = await this.unreleased(after, transaction);
        const byFeed = new Map<string, { eventId: string; record: RawUsageRecord }[]>();
        for (const row of rows) {
          const list = byFeed.get(row.feed) ?? [];
          list.push({ eventId: readBigint(row.event_id), record: JSON.parse(row.payload) as RawUsageRecord });
          byFeed.set(row.feed, list);
        }
        let released = 0;
        for (const [feed, records] of byFeed) {
          const metered = meterRecords(records, meter);
          released += await this.release(feed, metered.meteredEventIds, transaction);
          await this.updateReasons(feed, metered.quarantined, transaction);
          await this.writer.writeLate(feed, metered.usage, transaction);
        }
        const last = rows[rows.length - 1];
        return { rows: rows.length, released, last: last && { feed: last.feed, eventId: readBigint(last.event_id) } };
      });
      total.examined += batch.rows;
      total.released += batch.released;
      total.stillQuarantined += batch.rows - batch.released;
      if (batch.rows < BATCH || !batch.last) return total;
      after = batch.last;
    }
  }

  /**
   * The next batch of unreleased records, in (feed, EventId) order, after the previous batch,
   * locked until the batch commits: another run (a second click, the CLI, another instance)
   * waits for them, then finds them released and skips them, so no record is metered twice.
   */
  private async unreleased(after: { feed: string; eventId: string } | undefined, transaction: Transaction): Promise<QuarantinedRow[]> {
    const { sequelize, dialect } = this.database;
    // EventIds are digit strings read from a BIGINT column: safe to inline unquoted.
    const where = after
      ? `AND (q.feed > ${sequelize.escape(after.feed)} OR (q.feed = ${sequelize.escape(after.feed)} AND q.event_id > ${after.eventId}))`
      : '';
    const limit = dialect === 'mssql' ? `OFFSET 0 ROWS FETCH NEXT ${BATCH} ROWS ONLY` : `LIMIT ${BATCH}`;
    return select<QuarantinedRow>(
      sequelize,
      `SELECT q.feed, ${bigintAsText(dialect, 'q.event_id', 'event_id')}, u.payload FROM quarantined_records q${dialect === 'mssql' ? ' WITH (UPDLOCK, ROWLOCK)' : ''}
       JOIN usage_records u ON u.feed = q.feed AND u.event_id = q.event_id
       WHERE q.released_at IS NULL ${where} ORDER BY q.feed, q.event_id ${limit}${LOCK_ROWS[dialect] ?? ''}`,
      transaction,
    );
  }

  /** One UPDATE per distinct reason: most failures of a batch share their words (one unknown provider). */
  private async updateReasons(feed: string, entries: readonly QuarantineEntry[], transaction: Transaction): Promise<void> {
    const byReason = new Map<string, string[]>();
    for (const e of entries) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e.eventId]);
    for (const [reason, eventIds] of byReason) {
      await this.database.sequelize.query(
        `UPDATE quarantined_records SET reason = :reason WHERE feed = :feed AND event_id IN (${eventIds.join(', ')})`,
        { replacements: { reason, feed }, transaction },
      );
    }
  }

  private async release(feed: string, eventIds: readonly string[], transaction: Transaction): Promise<number> {
    if (eventIds.length === 0) return 0;
    await this.database.sequelize.query(
      `UPDATE quarantined_records SET released_at = :now WHERE feed = :feed AND released_at IS NULL AND event_id IN (${eventIds.join(', ')})`,
      { replacements: { now: this.clock.now(), feed }, transaction },
    );
    return eventIds.length;
  }
}
