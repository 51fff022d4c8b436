import { inject, injectable } from 'inversify';
import type { Transaction } from 'sequelize';
import { Database } from '../database';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { meteredColumns } from '../../usage/store/metered-column';
import { eventIdBefore } from '../../usage/store/raw-usage-record';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { lockFeedPosition } from './sequelize-feed-watermarks';

/** Usage metered after the fact (quarantine reprocessed): kept on its records, and added to the rollups if they were rolled up already. */
@injectable()
export class SequelizeUsageWriter {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
  ) {}

  /** Writes inside the caller's transaction; `usage` quantities are already rounded. */
  async writeLate(feed: string, usage: readonly MeteredUsage[], transaction: Transaction): Promise<void> {
    if (usage.length === 0) return;
    // Locked, so that a roll-up cannot pass these records between the two writes below.
    const { rolledUpTo } = await lockFeedPosition(this.database, feed, transaction);
    for (const [eventId, metered] of meteredColumns(usage)) {
      await this.database.sequelize.query(`UPDATE usage_records SET metered = :metered WHERE feed = :feed AND event_id = ${eventId}`, {
        replacements: { metered, feed },
        transaction,
      });
    }
    // Records of the tail roll up with it, later.
    await this.rollups.add(usage.filter((u) => eventIdBefore(u.eventId, rolledUpTo)), transaction);
  }
}
