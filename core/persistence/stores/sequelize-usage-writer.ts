import { inject, injectable } from 'inversify';
import type { Transaction } from 'sequelize';
import { Database } from '../database';
import type { MeteredUsage } from '../../usage/metering/metered-usage';
import { SequelizeUsageRollups } from './sequelize-usage-rollups';
import { insertRows } from './sequelize-usage-sql';

/** Metered usage of one feed, as stored: the metered_usage rows, then the rollups they change. */
@injectable()
export class SequelizeUsageWriter {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(SequelizeUsageRollups) private readonly rollups: SequelizeUsageRollups,
  ) {}

  /** Writes new usage inside the caller's transaction; `usage` quantities are already rounded. */
  async write(feed: string, usage: readonly MeteredUsage[], transaction: Transaction): Promise<void> {
    await insertRows(
      this.database.sequelize,
      'metered_usage',
      usage.map((u) => ({
        feed,
        event_id: u.eventId,
        subscription_id: u.subscriptionId,
        meter_id: u.meterId,
        resource_id: u.resourceId ?? '',
        start_time: u.start,
        end_time: u.end,
        quantity: u.quantity.toFixed(),
      })),
      transaction,
    );
    await this.rollups.add(usage, transaction);
  }
}
