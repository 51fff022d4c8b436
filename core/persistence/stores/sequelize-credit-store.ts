import { inject, injectable } from 'inversify';
import { DataTypes, Op, UniqueConstraintError, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import type { CreditGrant, LedgerEntry } from '../../credits/credit-grant';
import type { CreditStore } from '../../credits/credit-store';
import { Decimal } from '../../money/decimal';
import type { LedgerEntryDraft } from '../../promotions/line-adjuster';
import { Database } from '../database';
import { exactDecimal } from '../exact-decimal';
import { chunks } from './sequelize-usage-sql';

interface GrantRow {
  id: string;
  account_id: string;
  subscription_id: string | null;
  kind: string;
  amount: string | null;
  currency: string | null;
  meter_id: string | null;
  quantity_per_period: string | null;
  description: string;
  granted_at: Date;
  expires_at: Date | null;
}

interface LedgerRow {
  id?: number;
  grant_id: string;
  account_id: string;
  kind: string;
  amount: string;
  currency: string | null;
  meter_id: string | null;
  invoice_id: string;
  description: string;
  created_at: Date;
}

/**
 * Grants and the append-only ledger. Amounts are read back as strings and summed with `Decimal`
 * in the application: SQLite keeps them as TEXT, where SQL's SUM would go through doubles.
 */
@injectable()
export class SequelizeCreditStore implements CreditStore {
  private readonly sequelize: Sequelize;
  private readonly grants: ModelStatic<Model<GrantRow>>;
  private readonly ledger: ModelStatic<Model<LedgerRow>>;

  constructor(@inject(Database) database: Database) {
    const decimal = exactDecimal(database.dialect);
    this.sequelize = database.sequelize;
    this.grants = database.sequelize.define<Model<GrantRow>>(
      'CreditGrant',
      {
        id: { type: DataTypes.STRING(64), primaryKey: true },
        account_id: { type: DataTypes.STRING(256), allowNull: false },
        subscription_id: { type: DataTypes.STRING(64), allowNull: true },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        amount: { type: decimal, allowNull: true },
        currency: { type: DataTypes.STRING(3), allowNull: true },
        meter_id: { type: DataTypes.STRING(128), allowNull: true },
        quantity_per_period: { type: decimal, allowNull: true },
        description: { type: DataTypes.STRING(1000), allowNull: false },
        granted_at: { type: DataTypes.DATE(3), allowNull: false },
        expires_at: { type: DataTypes.DATE(3), allowNull: true },
      },
      { tableName: 'credit_grants', timestamps: false },
    );
    this.ledger = database.sequelize.define<Model<LedgerRow>>(
      'CreditLedgerEntry',
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        grant_id: { type: DataTypes.STRING(64), allowNull: false },
        account_id: { type: DataTypes.STRING(256), allowNull: false },
        kind: { type: DataTypes.STRING(16), allowNull: false },
        amount: { type: decimal, allowNull: false },
        currency: { type: DataTypes.STRING(3), allowNull: true },
        meter_id: { type: DataTypes.STRING(128), allowNull: true },
        invoice_id: { type: DataTypes.STRING(64), allowNull: false },
        description: { type: DataTypes.STRING(1000), allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      { tableName: 'credit_ledger', timestamps: false },
    );
  }

  async grant(grant: CreditGrant): Promise<boolean> {
    try {
      await this.sequelize.transaction(async (transaction) => {
        await this.grants.create(toGrantRow(grant), { transaction });
        await this.ledger.create(
          {
            grant_id: grant.id, account_id: grant.accountId, kind: 'grant',
            amount: (grant.kind === 'monetary' ? grant.amount : grant.quantityPerPeriod).toString(),
            currency: grant.kind === 'monetary' ? grant.currency : null, meter_id: grant.kind === 'free-units' ? grant.meterId : null,
            invoice_id: '', description: grant.description.slice(0, 1000), created_at: grant.grantedAt,
          },
          { transaction },
        );
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintError) return false;
      throw error;
    }
  }

  async grantsOf(accountId: string): Promise<CreditGrant[]> {
    return (await this.grantsOfMany([accountId])).get(accountId) ?? [];
  }

  async grantsOfMany(accountIds: readonly string[]): Promise<Map<string, CreditGrant[]>> {
    const grants = new Map<string, CreditGrant[]>();
    for (const chunk of chunks([...new Set(accountIds)])) {
      const rows = await this.grants.findAll({ where: { account_id: { [Op.in]: chunk } }, order: [['granted_at', 'ASC'], ['id', 'ASC']] });
      for (const grant of rows.map((r) => toGrant(r.get()))) grants.set(grant.accountId, [...(grants.get(grant.accountId) ?? []), grant]);
    }
    return grants;
  }

  async ledgerOf(accountId: string): Promise<LedgerEntry[]> {
    return (await this.ledgerOfMany([accountId])).get(accountId) ?? [];
  }

  async ledgerOfMany(accountIds: readonly string[]): Promise<Map<string, LedgerEntry[]>> {
    const ledgers = new Map<string, LedgerEntry[]>();
    for (const chunk of chunks([...new Set(accountIds)])) {
      const rows = await this.ledger.findAll({ where: { account_id: { [Op.in]: chunk } }, order: [['id', 'ASC']] });
      for (const entry of rows.map((r) => toEntry(r.get()))) {
        const held = ledgers.get(entry.accountId);
        if (held) held.push(entry);
        else ledgers.set(entry.accountId, [entry]);
      }
    }
    return ledgers;
  }

  async recordUses(entries: readonly LedgerEntryDraft[], at: Date): Promise<number> {
    let recorded = 0;
    // One insert each, no transaction: each is idempotent on its own, so a run cut short is
    // completed by recording again, and PostgreSQL's aborted-transaction rule never bites.
    for (const entry of entries) {
      if (await this.insertOnce({
        grant_id: entry.grantId, account_id: entry.accountId, kind: entry.kind, amount: entry.amount.toString(), currency: entry.currency,
        meter_id: entry.meterId, invoice_id: entry.invoiceId, description: entry.description.slice(0, 1000), created_at: at,
      })) recorded++;
    }
    return recorded;
  }

  async reverseUses(invoiceId: string, description: string, at: Date): Promise<LedgerEntry[]> {
    const uses = await this.ledger.findAll({ where: { invoice_id: invoiceId, kind: { [Op.in]: ['use', 'free-units-use'] } }, order: [['id', 'ASC']] });
    const reversed: LedgerEntry[] = [];
    for (const use of uses.map((u) => u.get())) {
      const row: LedgerRow = { ...use, id: undefined, kind: 'reversal', amount: new Decimal(use.amount).negated().toString(), description, created_at: at };
      delete row.id;
      if (await this.insertOnce(row)) reversed.push(toEntry(row));
    }
    return reversed;
  }

  private async insertOnce(row: LedgerRow): Promise<boolean> {
    try {
      await this.ledger.create(row);
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintError) return false;
      throw error;
    }
  }
}

function toGrantRow(grant: CreditGrant): GrantRow {
  return {
    id: grant.id, account_id: grant.accountId, subscription_id: grant.subscriptionId, kind: grant.kind,
    amount: grant.kind === 'monetary' ? grant.amount.toString() : null, currency: grant.kind === 'monetary' ? grant.currency : null,
    meter_id: grant.kind === 'free-units' ? grant.meterId : null, quantity_per_period: grant.kind === 'free-units' ? grant.quantityPerPeriod.toString() : null,
    description: grant.description.slice(0, 1000), granted_at: grant.grantedAt, expires_at: grant.expiresAt,
  };
}

function toGrant(row: GrantRow): CreditGrant {
  const base = {
    id: row.id, accountId: row.account_id, subscriptionId: row.subscription_id, description: row.description,
    grantedAt: new Date(row.granted_at), expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  };
  return row.kind === 'monetary'
    ? { ...base, kind: 'monetary', amount: new Decimal(row.amount!), currency: row.currency! }
    : { ...base, kind: 'free-units', meterId: row.meter_id!, quantityPerPeriod: new Decimal(row.quantity_per_period!) };
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    grantId: row.grant_id, accountId: row.account_id, kind: row.kind as LedgerEntry['kind'], amount: new Decimal(row.amount),
    currency: row.currency, meterId: row.meter_id, invoiceId: row.invoice_id === '' ? null : row.invoice_id,
    description: row.description, createdAt: new Date(row.created_at),
  };
}
