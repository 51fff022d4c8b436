import { inject, injectable } from 'inversify';
import { DataTypes, Op, UniqueConstraintError, type Model, type ModelStatic } from 'sequelize';
import type { LeaseStore } from '../../leases/lease-store';
import { Clock } from '../../time/clock';
import { Database } from '../database';

interface LeaseRow {
  name: string;
  holder: string;
  expires_at: Date;
}

/**
 * Portable across dialects without row locks: a conditional UPDATE that only succeeds for the
 * holder or over an expired lease, then, for a lease nobody has held yet, an INSERT that only the
 * first contender wins (primary key); the database's row-level atomicity of each statement
 * decides every race.
 */
@injectable()
export class SequelizeLeaseStore implements LeaseStore {
  private readonly leases: ModelStatic<Model<LeaseRow>>;

  constructor(@inject(Database) database: Database, @inject(Clock) private readonly clock: Clock) {
    this.leases = database.sequelize.define<Model<LeaseRow>>(
      'Lease',
      {
        name: { type: DataTypes.STRING(64), primaryKey: true },
        holder: { type: DataTypes.STRING(128), allowNull: false },
        expires_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'leases', timestamps: false },
    );
  }

  async tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlMs);
    // The holder renewing (the common call) or a contender taking an expired lease: no failed INSERT each time.
    const [updated] = await this.leases.update(
      { holder, expires_at: expiresAt },
      { where: { name, [Op.or]: [{ holder }, { expires_at: { [Op.lt]: now } }] } },
    );
    if (updated === 1) return true;
    try {
      await this.leases.create({ name, holder, expires_at: expiresAt });
      return true;
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
    // MariaDB counts changed rows, not matched ones: a renewal within the same second of its
    // DATETIME column changes nothing and reports 0, though the holder still has the lease.
    const row = await this.leases.findByPk(name);
    return row?.get('holder') === holder && (row.get('expires_at') as Date) >= now;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.leases.destroy({ where: { name, holder } });
  }
}
