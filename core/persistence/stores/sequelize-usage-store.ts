import { inject, injectable } from 'inversify';
import type { MeterPlugin } from '../../plugin-api';
import { Clock } from '../../time/clock';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import { MeterUsageRecord } from '../../usage/metering/meter-usage-record';
import { eventIdBefore, eventIdOf } from '../../usage/store/raw-usage-record';
import { type IngestOutcome, type UsagePage, type UsageStore } from '../../usage/store/usage-store';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { advanceUsageWatermark, lockFeedPosition, readFeedPosition, readWatermark, setRolledUpTo, storedEventIds, type FeedPosition } from './sequelize-feed-watermarks';
import { bulkRowsFor } from './bulk-rows/bulk-rows';
import { joinedRows, QUARANTINE_COLUMNS, USAGE_RECORD_COLUMNS, UsagePageRowsBuilder, usagePageRows, type PageRecord, type UsagePageRows } from './usage-page-rows';
import { rollUpTail, tailLength } from './sequelize-usage-tail';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { RollupAccumulator } from '../../usage/store/rollup-changes';

/** A page with its rows worked out by `prepare`, as if every record were new, with the meters active then. */
class PreparedUsagePage implements UsagePage {
  constructor(
    readonly feed: string,
    readonly records: UsagePage['records'],
    readonly texts: UsagePage['texts'],
    readonly nextStartId: string,
    readonly unique: ReadonlyMap<string, PageRecord>,
    readonly plugins: readonly MeterPlugin[],
    readonly rows: UsagePageRows,
  ) {}
}

/**
 * Records metered between two turns of the event loop while a page is prepared: a page's
 * thousand at once would hold back, for tens of milliseconds, the statements of the page being
 * stored meanwhile, and the database would wait on this thread as this thread waits on it.
 */
const PREPARE_SLICE = 100;

/** Records per roll-up transaction when the tail is read back: bounds the memory and the lock a backlog's roll-up takes. */
const ROLL_UP_CHUNK = 10_000;

/**
 * What the records this store put in a feed's tail change in the rollups, worked out as they
 * arrive so that the roll-up need not read them back. It stands for the tail only while the tail
 * holds exactly those records (see `rollUp`); otherwise (a restart, another instance, a
 * reprocessed quarantine) the tail is read.
 */
interface PendingUsage {
  /** The feed's roll-up mark when the tail was empty and this began. */
  readonly from: string;
  records: number;
  readonly changes: RollupAccumulator;
}

@injectable()
export class SequelizeUsageStore implements UsageStore {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  private readonly pending = new Map<string, PendingUsage>();

  async prepare(feed: string, page: UsagePage): Promise<UsagePage> {
    if (!/^\d{1,19}$/.test(page.nextStartId)) throw new TypeError(`nextStartId must be a whole number, not ${JSON.stringify(page.nextStartId)}`);
    const nextStartId = page.nextStartId.replace(/^0+(?=\d)/, '');
    const unique = new Map<string, PageRecord>();
    for (let i = 0; i < page.records.length; i++) {
      const record = page.records[i];
      const eventId = eventIdOf(record);
      if (eventId === undefined) throw new TypeError(`a ${feed} record has no whole-number EventId: ${JSON.stringify(record.EventId)}`);
      if (!eventIdBefore(eventId, nextStartId)) throw new RangeError(`nextStartId ${nextStartId} is not past EventId ${eventId} of its page`);
      if (!unique.has(eventId)) unique.set(eventId, { eventId, record, text: page.texts?.[i] });
    }
    const plugins = this.meters.active();
    return new PreparedUsagePage(feed, page.records, page.texts, nextStartId, unique, plugins, await this.rowsInSlices(feed, unique, plugins));
  }

  join(feed: string, pages: readonly UsagePage[]): UsagePage {
    const records = pages.flatMap((p) => p.records);
    const texts = pages.every((p) => p.texts) ? pages.flatMap((p) => p.texts!) : undefined;
    const nextStartId = pages.map((p) => p.nextStartId).reduce((a, b) => (eventIdBefore(a, b) ? b : a));
    const prepared = pages.filter((p) => this.isCurrent(feed, p)) as PreparedUsagePage[];
    if (prepared.length === pages.length) {
      const unique = new Map<string, PageRecord>();
      for (const page of prepared) for (const [eventId, record] of page.unique) if (!unique.has(eventId)) unique.set(eventId, record);
      const repeated = unique.size < prepared.reduce((n, p) => n + p.unique.size, 0);
      if (!repeated) return new PreparedUsagePage(feed, records, texts, nextStartId, unique, prepared[0].plugins, joinedRows(prepared.map((p) => p.rows)));
    }
    // Pages prepared for other meters, or a record repeated across them: `ingest` prepares the whole again.
    return { records, texts, nextStartId };
  }

  async ingest(feed: string, page: UsagePage): Promise<IngestOutcome> {
    const prepared = this.isCurrent(feed, page) ? page : ((await this.prepare(feed, page)) as PreparedUsagePage);
    const stored = await this.database.sequelize.transaction(async (transaction) => {
      const position = await readFeedPosition(this.database, feed, transaction);
      // Every stored record is behind the watermark: a page past it (the collector's every page) has nothing to look up.
      const watermark = position.nextStartId;
      const maybeStored = watermark === undefined ? [] : [...prepared.unique.keys()].filter((eventId) => eventIdBefore(eventId, watermark));
      const stored = maybeStored.length === 0 ? new Set<string>() : await storedEventIds(this.database, feed, maybeStored, transaction);
      // Records stored already (a page pulled again) are rare: the rows are then worked out anew without them.
      const fresh = stored.size === 0 ? prepared.unique : new Map([...prepared.unique].filter(([eventId]) => !stored.has(eventId)));
      const rows = stored.size === 0 ? prepared.rows : this.rowsOf(feed, fresh, prepared.plugins);
      const bulk = bulkRowsFor(this.database, transaction);
      await bulk.insert('usage_records', USAGE_RECORD_COLUMNS, rows.records);
      await bulk.insert('quarantined_records', QUARANTINE_COLUMNS, rows.quarantined);
      // New records behind the roll-up mark (WAP sent an old EventId late) would be missed by the next roll-up.
      const recordsBehind = countBefore(fresh.keys(), position.rolledUpTo);
      if (recordsBehind > 0) await this.rollups.add(feed, rows.usage.filter((u) => eventIdBefore(u.eventId, position.rolledUpTo)), transaction);
      await advanceUsageWatermark(this.database, feed, position, prepared.nextStartId, this.clock.now(), transaction);
      return { position, fresh, rows, recordsBehind };
    });
    this.keepPending(feed, stored.position, stored.fresh.size, stored.recordsBehind, stored.rows.usage);
    return {
      new: stored.fresh.size,
      duplicate: page.records.length - stored.fresh.size,
      metered: stored.rows.metered,
      quarantined: stored.rows.quarantined.length,
    };
  }

  /** After a page committed: its new records joined the tail, but for `recordsBehind` of them, behind the mark (rolled up already). */
  private keepPending(feed: string, position: FeedPosition, newRecords: number, recordsBehind: number, usage: readonly MeteredUsage[]): void {
    const mark = position.rolledUpTo;
    let pending = this.pending.get(feed);
    // The mark moved under it (a roll-up elsewhere): what it kept no longer matches the tail.
    if (pending && pending.from !== mark) this.pending.delete(feed);
    if (!pending || pending.from !== mark) {
      const tailWasEmpty = position.nextStartId === undefined || !eventIdBefore(mark, position.nextStartId);
      if (!tailWasEmpty) return;
      this.pending.set(feed, (pending = { from: mark, records: 0, changes: new RollupAccumulator((meterId) => this.rollups.aggregationOf(meterId), feed) }));
    }
    pending.records += newRecords - recordsBehind;
    try {
      pending.changes.add(recordsBehind === 0 ? usage : usage.filter((u) => !eventIdBefore(u.eventId, mark)));
    } catch {
      // The page has committed: the roll-up will read the tail back and meet the same fault there.
      this.pending.delete(feed);
    }
  }

  async rollUp(feed: string): Promise<number> {
    const pending = this.pending.get(feed);
    this.pending.delete(feed);
    let total = 0;
    for (;;) {
      const step = await this.database.sequelize.transaction(async (transaction) => {
        const position = await lockFeedPosition(this.database, feed, transaction);
        if (pending && total === 0 && position.nextStartId !== undefined && pending.from === position.rolledUpTo
          && (await tailLength(this.database, feed, position.rolledUpTo, transaction)) === pending.records) {
          await this.rollups.addChanges(pending.changes.changes(), transaction);
          await setRolledUpTo(this.database, feed, position.nextStartId, transaction);
          return { records: pending.records, done: true };
        }
        const { records } = await rollUpTail(this.database, this.rollups, feed, position, ROLL_UP_CHUNK, transaction);
        return { records, done: records < ROLL_UP_CHUNK };
      });
      total += step.records;
      if (step.done) return total;
    }
  }

  watermark(feed: string): Promise<string> {
    return readWatermark(this.database, feed);
  }

  /** Whether `page` came from `prepare` for this feed with the meters active now (one enabled since would be missed). */
  private isCurrent(feed: string, page: UsagePage): page is PreparedUsagePage {
    if (!(page instanceof PreparedUsagePage) || page.feed !== feed) return false;
    const active = this.meters.active();
    return active.length === page.plugins.length && active.every((plugin, i) => plugin === page.plugins[i]);
  }

  private rowsOf(feed: string, records: ReadonlyMap<string, PageRecord>, plugins: readonly MeterPlugin[]): UsagePageRows {
    return usagePageRows(feed, [...records.values()], new MeterUsageRecord(plugins), this.clock.now());
  }

  /** `rowsOf`, a slice of records at a time, with the event loop run between slices. */
  private async rowsInSlices(feed: string, records: ReadonlyMap<string, PageRecord>, plugins: readonly MeterPlugin[]): Promise<UsagePageRows> {
    const list = [...records.values()];
    const rows = new UsagePageRowsBuilder(feed, new MeterUsageRecord(plugins), this.clock.now());
    for (let i = 0; i < list.length; i += PREPARE_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      rows.add(list.slice(i, i + PREPARE_SLICE));
    }
    return rows;
  }
}

/** How many of `eventIds` come before `mark`: none, for every page the collector pulls in order, whose usage then goes unfiltered. */
function countBefore(eventIds: Iterable<string>, mark: string): number {
  let before = 0;
  for (const eventId of eventIds) if (eventIdBefore(eventId, mark)) before++;
  return before;
}
