import { inject, injectable } from 'inversify';
import type { Transaction } from 'sequelize';
import { Database } from '../database';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { meteredColumns } from '../../usage/store/metered-column';
import { eventIdBefore } from '../../usage/store/raw-usage-record';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { lockFeedPosition } from './sequelize-feed-watermarks';
import { rollUpTail } from './sequelize-usage-tail';

/** Usage metered after the fact (quarantine reprocessed): kept on its records, and added to the rollups. */
@injectable()
export class SequelizeUsageWriter {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
  ) {}

  /** Writes inside the caller's transaction; `usage` quantities are already rounded. */
  async writeLate(feed: string, usage: readonly MeteredUsage[], transaction: Transaction): Promise<void> {
    if (usage.length === 0) return;
    // Locked, so that no roll-up passes these records between the writes below.
    let position = await lockFeedPosition(this.database, feed, transaction);
    // Records of the tail: the tail is rolled up first (they are quarantined, so without them),
    // and then they are added like any record behind the mark. The collector's kept usage sees
    // the mark move and reads the tail instead.
    while (usage.some((u) => !eventIdBefore(u.eventId, position.rolledUpTo))) {
      const { rolledUpTo } = await rollUpTail(this.database, this.rollups, feed, position, TAIL_CHUNK, transaction);
      if (rolledUpTo === position.rolledUpTo) break;
      position = { ...position, rolledUpTo };
    }
    for (const [eventId, metered] of meteredColumns(usage)) {
      await this.database.sequelize.query(`UPDATE usage_records SET metered = :metered WHERE feed = :feed AND event_id = ${eventId}`, {
        replacements: { metered, feed },
        transaction,
      });
    }
    await this.rollups.add(feed, usage, transaction);
  }
}

const TAIL_CHUNK = 10_000;
