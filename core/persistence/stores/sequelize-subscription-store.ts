import { inject, injectable } from 'inversify';
import { DataTypes, UniqueConstraintError, type Model, type ModelStatic, type Transaction } from 'sequelize';
import type { PlanChange, QuotaSetting, StateChange, Subscription, SubscriptionState } from '../../subscriptions/subscription';
import type { SubscriptionStore, SubscriptionWrite, WriteOutcome } from '../../subscriptions/subscription-store';
import { subscriptionWriteEffects } from '../../subscriptions/subscription-write-effects';
import { Database } from '../database';
import { chunks, readDate, select, sqlList } from './sequelize-usage-sql';

interface SubscriptionRow {
  id: string;
  account_id: string;
  plan_id: string | null;
  name: string | null;
  state: string;
  created_at: Date;
  updated_at: Date;
}

interface StateChangeRow {
  id?: number;
  subscription_id: string;
  state: string;
  changed_at: Date;
  source: string;
}

interface PlanChangeRow {
  id?: number;
  subscription_id: string;
  plan_id: string;
  changed_at: Date;
  source: string;
}

interface QuotaRow {
  subscription_id: string;
  settings: string;
  updated_at: Date;
}

@injectable()
export class SequelizeSubscriptionStore implements SubscriptionStore {
  private readonly subscriptions: ModelStatic<Model<SubscriptionRow>>;
  private readonly changes: ModelStatic<Model<StateChangeRow>>;
  private readonly planChanges: ModelStatic<Model<PlanChangeRow>>;
  private readonly quotas: ModelStatic<Model<QuotaRow>>;

  constructor(@inject(Database) private readonly database: Database) {
    const { sequelize } = database;
    this.subscriptions = sequelize.define<Model<SubscriptionRow>>(
      'Subscription',
      {
        id: { type: DataTypes.STRING(64), primaryKey: true },
        account_id: { type: DataTypes.STRING(256), allowNull: false },
        plan_id: { type: DataTypes.STRING(128), allowNull: true },
        name: { type: DataTypes.STRING(256), allowNull: true },
        state: { type: DataTypes.STRING(32), allowNull: false },
        created_at: { type: DataTypes.DATE, allowNull: false },
        updated_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'subscriptions', timestamps: false },
    );
    this.changes = sequelize.define<Model<StateChangeRow>>(
      'SubscriptionStateChange',
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        subscription_id: { type: DataTypes.STRING(64), allowNull: false },
        state: { type: DataTypes.STRING(32), allowNull: false },
        changed_at: { type: DataTypes.DATE, allowNull: false },
        source: { type: DataTypes.STRING(64), allowNull: false },
      },
      { tableName: 'subscription_state_changes', timestamps: false },
    );
    this.planChanges = sequelize.define<Model<PlanChangeRow>>(
      'SubscriptionPlanChange',
      {
        id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
        subscription_id: { type: DataTypes.STRING(64), allowNull: false },
        plan_id: { type: DataTypes.STRING(128), allowNull: false },
        changed_at: { type: DataTypes.DATE, allowNull: false },
        source: { type: DataTypes.STRING(64), allowNull: false },
      },
      { tableName: 'subscription_plan_changes', timestamps: false },
    );
    this.quotas = sequelize.define<Model<QuotaRow>>(
      'SubscriptionQuota',
      {
        subscription_id: { type: DataTypes.STRING(64), primaryKey: true },
        settings: { type: DataTypes.TEXT, allowNull: false },
        updated_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'subscription_quotas', timestamps: false },
    );
  }

  async find(subscriptionId: string): Promise<Subscription | undefined> {
    const row = await this.subscriptions.findByPk(subscriptionId);
    return row ? toSubscription(row.get()) : undefined;
  }

  async save(write: SubscriptionWrite): Promise<WriteOutcome> {
    try {
      return await this.database.sequelize.transaction((transaction) => this.saveIn(write, transaction));
    } catch (error) {
      // Two first notifications raced to insert; the loser now finds the row and updates it.
      if (!(error instanceof UniqueConstraintError)) throw error;
      return this.database.sequelize.transaction((transaction) => this.saveIn(write, transaction));
    }
  }

  /** One attempt of `save`, in its transaction; `save` handles a racing insert. */
  private async saveIn({ subscription, at, source }: SubscriptionWrite, transaction: Transaction): Promise<WriteOutcome> {
    // The row lock keeps two concurrent state changes from both seeing the old state and both adding history.
    const lock = this.database.dialect === 'sqlite' ? undefined : transaction.LOCK.UPDATE;
    const row = await this.subscriptions.findByPk(subscription.id, { transaction, lock });
    const values = { account_id: subscription.accountId, plan_id: subscription.planId, name: subscription.name, state: subscription.state };
    const effects = subscriptionWriteEffects(row ? toSubscription(row.get()) : undefined, subscription);
    if (effects.row === 'insert') {
      await this.subscriptions.create({ id: subscription.id, ...values, created_at: at, updated_at: at }, { transaction });
    } else if (effects.row === 'update') {
      await this.subscriptions.update({ ...values, updated_at: at }, { where: { id: subscription.id }, transaction });
    }
    if (effects.stateChanged) await this.changes.create({ subscription_id: subscription.id, state: subscription.state, changed_at: at, source }, { transaction });
    if (effects.planChanged) {
      await this.planChanges.create({ subscription_id: subscription.id, plan_id: subscription.planId!, changed_at: at, source }, { transaction });
    }
    return { subscription: { ...subscription }, stateChanged: effects.stateChanged };
  }

  async history(subscriptionId: string): Promise<StateChange[]> {
    const rows = await this.changes.findAll({ where: { subscription_id: subscriptionId }, order: [['changed_at', 'ASC'], ['id', 'ASC']] });
    return rows.map((r) => {
      const { state, changed_at, source } = r.get();
      return { state: state as SubscriptionState, changedAt: new Date(changed_at), source };
    });
  }

  async planHistory(subscriptionId: string): Promise<PlanChange[]> {
    const rows = await this.planChanges.findAll({ where: { subscription_id: subscriptionId }, order: [['changed_at', 'ASC'], ['id', 'ASC']] });
    return rows.map((r) => {
      const { plan_id, changed_at, source } = r.get();
      return { planId: plan_id, changedAt: new Date(changed_at), source };
    });
  }

  async signUpTimes(accountIds: readonly string[]): Promise<Map<string, Date>> {
    const times = new Map<string, Date>();
    for (const chunk of chunks([...new Set(accountIds)])) {
      const rows = await select<{ subscription_id: string; first_at: Date | string }>(
        this.database.sequelize,
        `SELECT c.subscription_id, MIN(c.changed_at) AS first_at
         FROM subscription_state_changes c JOIN subscriptions s ON s.id = c.subscription_id
         WHERE s.account_id IN ${sqlList(this.database.sequelize, chunk)} GROUP BY c.subscription_id`,
      );
      for (const row of rows) times.set(row.subscription_id, readDate(row.first_at));
    }
    return times;
  }

  async quota(subscriptionId: string): Promise<QuotaSetting[]> {
    const row = await this.quotas.findByPk(subscriptionId);
    return row ? (JSON.parse(row.get().settings) as QuotaSetting[]) : [];
  }

  async saveQuota(subscriptionId: string, settings: readonly QuotaSetting[], at: Date): Promise<void> {
    const json = JSON.stringify(settings.map(({ key, value }) => ({ key, value })));
    await this.quotas.upsert({ subscription_id: subscriptionId, settings: json, updated_at: at });
  }
}

export function toSubscription(row: Pick<SubscriptionRow, 'id' | 'account_id' | 'plan_id' | 'name' | 'state'>): Subscription {
  return { id: row.id, accountId: row.account_id, planId: row.plan_id, name: row.name, state: row.state as SubscriptionState };
}
