import { inject, injectable } from 'inversify';
import { DataTypes, UniqueConstraintError, type Model, type ModelStatic } from 'sequelize';
import type { FeedStatus, FeedStatusStore } from '../../usage/collection/feed-status-store';
import { FIRST_START_ID } from '../../usage/store/usage-store';
import { Database } from '../database';

interface WatermarkRow {
  feed: string;
  next_start_id: string;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
}

/**
 * Status lives beside the watermark in `feed_watermarks`, but is only ever UPDATEd here: the
 * watermark itself moves in the ingest transaction alone, never from this store.
 */
@injectable()
export class SequelizeFeedStatusStore implements FeedStatusStore {
  private readonly rows: ModelStatic<Model<WatermarkRow>>;

  constructor(@inject(Database) database: Database) {
    this.rows = database.sequelize.define<Model<WatermarkRow>>(
      'FeedWatermark',
      {
        feed: { type: DataTypes.STRING(32), primaryKey: true },
        next_start_id: { type: DataTypes.BIGINT, allowNull: false },
        last_success_at: { type: DataTypes.DATE, allowNull: true },
        last_error: { type: DataTypes.STRING(1000), allowNull: true },
        last_error_at: { type: DataTypes.DATE, allowNull: true },
      },
      { tableName: 'feed_watermarks', timestamps: false },
    );
  }

  recordSuccess(feed: string, at: Date): Promise<void> {
    return this.update(feed, { last_success_at: at, last_error: null, last_error_at: null });
  }

  recordFailure(feed: string, error: string, at: Date): Promise<void> {
    return this.update(feed, { last_error: error.slice(0, 1000), last_error_at: at });
  }

  async list(): Promise<FeedStatus[]> {
    const rows = await this.rows.findAll({ order: [['feed', 'ASC']] });
    return rows.map((row) => {
      const r = row.get();
      return { feed: r.feed, nextStartId: String(r.next_start_id), lastSuccessAt: r.last_success_at, lastError: r.last_error, lastErrorAt: r.last_error_at };
    });
  }

  private async update(feed: string, fields: Partial<WatermarkRow>): Promise<void> {
    const [updated] = await this.rows.update(fields, { where: { feed } });
    if (updated > 0) return;
    try {
      await this.rows.create({ feed, next_start_id: FIRST_START_ID, last_success_at: null, last_error: null, last_error_at: null, ...fields });
    } catch (error) {
      // The ingest transaction created the row meanwhile; update the row it made.
      if (!(error instanceof UniqueConstraintError)) throw error;
      await this.rows.update(fields, { where: { feed } });
    }
  }
}
