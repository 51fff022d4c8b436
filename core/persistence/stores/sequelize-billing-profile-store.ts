import { inject, injectable } from 'inversify';
import { DataTypes, type Model, type ModelStatic } from 'sequelize';
import type { BillingCycle } from '../../billing-cycles/billing-cycle';
import type { BillingProfile, BillingProfileStore } from '../../invoicing/billing-profile';
import { Decimal } from '../../money/decimal';
import { Database } from '../database';
import { exactDecimal } from '../exact-decimal';
import { chunks, select, sqlList } from './sequelize-usage-sql';

interface ProfileRow {
  account_id: string;
  cycle_kind: string;
  cycle_settings: string | null;
  tax_rate: string;
  grace_period_hours: number | null;
  updated_at: Date;
}

interface JoinedRow {
  id: string;
  currency: string;
  time_zone: string;
  bill_cycle_day: number | string;
  cycle_kind: string | null;
  cycle_settings: string | null;
  tax_rate: string | number | null;
  grace_period_hours: number | string | null;
}

/** The profile joins `accounts` (currency, zone, bill-cycle day) with `billing_profiles` (the rest). */
@injectable()
export class SequelizeBillingProfileStore implements BillingProfileStore {
  private readonly profiles: ModelStatic<Model<ProfileRow>>;

  constructor(@inject(Database) private readonly database: Database) {
    this.profiles = database.sequelize.define<Model<ProfileRow>>(
      'BillingProfile',
      {
        account_id: { type: DataTypes.STRING(256), primaryKey: true },
        cycle_kind: { type: DataTypes.STRING(32), allowNull: false },
        cycle_settings: { type: DataTypes.STRING(1000), allowNull: true },
        tax_rate: { type: exactDecimal(database.dialect), allowNull: false },
        grace_period_hours: { type: DataTypes.INTEGER, allowNull: true },
        updated_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'billing_profiles', timestamps: false },
    );
  }

  async find(accountId: string): Promise<BillingProfile | undefined> {
    return (await this.findMany([accountId])).get(accountId);
  }

  async findMany(accountIds: readonly string[]): Promise<Map<string, BillingProfile>> {
    const profiles = new Map<string, BillingProfile>();
    for (const chunk of chunks([...new Set(accountIds)])) {
      const rows = await select<JoinedRow>(
        this.database.sequelize,
        `SELECT a.id, a.currency, a.time_zone, a.bill_cycle_day, p.cycle_kind, p.cycle_settings, p.tax_rate, p.grace_period_hours
         FROM accounts a LEFT JOIN billing_profiles p ON p.account_id = a.id WHERE a.id IN ${sqlList(this.database.sequelize, chunk)}`,
      );
      for (const row of rows) profiles.set(row.id, toProfile(row));
    }
    return profiles;
  }

  async save(profile: BillingProfile, at: Date): Promise<void> {
    await this.database.sequelize.transaction(async (transaction) => {
      await this.database.sequelize.query(
        'UPDATE accounts SET currency = :currency, time_zone = :timeZone, bill_cycle_day = :day, updated_at = :at WHERE id = :id',
        { replacements: { currency: profile.currency, timeZone: profile.timeZone, day: profile.billCycleDay, at, id: profile.accountId }, transaction },
      );
      const { kind, ...settings } = profile.cycle;
      const custom = kind !== 'calendar-monthly' && kind !== 'anniversary';
      const values = { cycle_kind: kind, cycle_settings: custom ? JSON.stringify(settings) : null, tax_rate: profile.taxRate.toString(), grace_period_hours: profile.gracePeriodHours, updated_at: at };
      const [updated] = await this.profiles.update(values, { where: { account_id: profile.accountId }, transaction });
      if (updated === 0 && !(await this.profiles.findByPk(profile.accountId, { transaction }))) {
        await this.profiles.create({ account_id: profile.accountId, ...values }, { transaction });
      }
    });
  }
}

/** The monthly kinds keep their one setting, the bill-cycle day, on the account; the others as JSON. */
function cycleOfRow(kind: string, settings: string | null, billCycleDay: number): BillingCycle {
  if (kind === 'anniversary') return { kind, billCycleDay };
  if (kind === 'calendar-monthly' || settings === null) return { kind: 'calendar-monthly' };
  return { kind, ...JSON.parse(settings) } as BillingCycle;
}

function toProfile(row: JoinedRow): BillingProfile {
  return {
    accountId: row.id,
    currency: row.currency,
    timeZone: row.time_zone,
    cycle: cycleOfRow(row.cycle_kind ?? 'calendar-monthly', row.cycle_settings, Number(row.bill_cycle_day)),
    billCycleDay: Number(row.bill_cycle_day),
    taxRate: new Decimal(row.tax_rate ?? 0),
    gracePeriodHours: row.grace_period_hours === null ? null : Number(row.grace_period_hours),
  };
}
