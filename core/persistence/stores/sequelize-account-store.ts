import { inject, injectable } from 'inversify';
import { DataTypes, UniqueConstraintError, type Model, type ModelStatic } from 'sequelize';
import type { Account, Standing } from '../../accounts/account';
import type { AccountDefaults } from '../../accounts/account-defaults';
import type { AccountStore } from '../../accounts/account-store';
import { Clock } from '../../time/clock';
import { Database } from '../database';

export interface AccountRow {
  id: string;
  currency: string;
  time_zone: string;
  bill_cycle_day: number;
  standing: string;
  created_at: Date;
  updated_at: Date;
}

@injectable()
export class SequelizeAccountStore implements AccountStore {
  private readonly rows: ModelStatic<Model<AccountRow>>;

  constructor(@inject(Database) database: Database, @inject(Clock) private readonly clock: Clock) {
    this.rows = database.sequelize.define<Model<AccountRow>>(
      'Account',
      {
        id: { type: DataTypes.STRING(256), primaryKey: true },
        currency: { type: DataTypes.STRING(3), allowNull: false },
        time_zone: { type: DataTypes.STRING(64), allowNull: false },
        bill_cycle_day: { type: DataTypes.INTEGER, allowNull: false },
        standing: { type: DataTypes.STRING(32), allowNull: false },
        created_at: { type: DataTypes.DATE, allowNull: false },
        updated_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'accounts', timestamps: false },
    );
  }

  async find(accountId: string): Promise<Account | undefined> {
    const row = await this.rows.findByPk(accountId);
    return row ? toAccount(row.get()) : undefined;
  }

  async ensure(accountId: string, defaults: AccountDefaults): Promise<Account> {
    const existing = await this.find(accountId);
    if (existing) return existing;
    try {
      await this.rows.create(newAccountRow(accountId, defaults, this.clock.now()));
    } catch (error) {
      // Another request created it between our read and our insert: theirs is as good as ours.
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
    return (await this.find(accountId))!;
  }

  async setStanding(accountId: string, standing: Standing): Promise<Account | undefined> {
    await this.rows.update({ standing, updated_at: this.clock.now() }, { where: { id: accountId } });
    return this.find(accountId);
  }
}

/** A new owner's account: the admin's defaults, in good standing. */
export function newAccountRow(accountId: string, defaults: AccountDefaults, now: Date): AccountRow {
  return {
    id: accountId, currency: defaults.currency, time_zone: defaults.timeZone, bill_cycle_day: defaults.billCycleDay,
    standing: 'good', created_at: now, updated_at: now,
  };
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    currency: row.currency,
    timeZone: row.time_zone,
    billCycleDay: Number(row.bill_cycle_day),
    standing: row.standing as Standing,
  };
}
