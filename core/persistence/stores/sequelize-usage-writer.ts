import { inject, injectable } from 'inversify';
import type { Transaction } from 'sequelize';
import { Database } from '../database';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { meteredColumns } from '../../usage/store/metered-column';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';

/** Usage metered after the fact (quarantine reprocessed): kept on its records, then added to the rollups. */
@injectable()
export class SequelizeUsageWriter {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
  ) {}

  /** Writes inside the caller's transaction; `usage` quantities are already rounded. */
  async writeLate(feed: string, usage: readonly MeteredUsage[], transaction: Transaction): Promise<void> {
    for (const [eventId, metered] of meteredColumns(usage)) {
      await this.database.sequelize.query(`UPDATE usage_records SET metered = :metered WHERE feed = :feed AND event_id = ${eventId}`, {
        replacements: { metered, feed },
        transaction,
      });
    }
    await this.rollups.add(usage, transaction);
  }
}
