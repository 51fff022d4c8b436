import { inject, injectable } from 'inversify';
import { DataTypes, UniqueConstraintError, type Model, type ModelStatic } from 'sequelize';
import type { BillingDecision, BillingEntity, BillingMethod, Verdict } from '../../signup/billing-decision';
import type { BillingDecisionStore } from '../../signup/billing-decision-store';
import { Database } from '../database';

interface DecisionRow {
  entity: string;
  event_id: string;
  method: string;
  subscription_id: string;
  account_id: string | null;
  verdict: string;
  reason: string | null;
  decided_at: Date;
}

@injectable()
export class SequelizeBillingDecisionStore implements BillingDecisionStore {
  private readonly rows: ModelStatic<Model<DecisionRow>>;

  constructor(@inject(Database) database: Database) {
    this.rows = database.sequelize.define<Model<DecisionRow>>(
      'BillingDecision',
      {
        entity: { type: DataTypes.STRING(32), primaryKey: true },
        event_id: { type: DataTypes.BIGINT, primaryKey: true },
        method: { type: DataTypes.STRING(8), allowNull: false },
        subscription_id: { type: DataTypes.STRING(64), allowNull: false },
        account_id: { type: DataTypes.STRING(256), allowNull: true },
        verdict: { type: DataTypes.STRING(16), allowNull: false },
        reason: { type: DataTypes.STRING(1000), allowNull: true },
        decided_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'billing_decisions', timestamps: false },
    );
  }

  async find(entity: BillingEntity, eventId: string): Promise<BillingDecision | undefined> {
    const row = await this.rows.findOne({ where: { entity, event_id: eventId } });
    // The id we were asked for, not the driver's: SQLite hands a BIGINT back as a double.
    return row ? { ...toDecision(row.get()), eventId } : undefined;
  }

  async recordFirst(decision: BillingDecision): Promise<BillingDecision> {
    try {
      await this.rows.create({
        entity: decision.entity,
        event_id: decision.eventId,
        method: decision.method,
        subscription_id: decision.subscriptionId,
        account_id: decision.accountId,
        verdict: decision.verdict,
        reason: decision.reason?.slice(0, 1000) ?? null,
        decided_at: decision.decidedAt,
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintError)) throw error;
    }
    return (await this.find(decision.entity, decision.eventId))!;
  }
}

function toDecision(row: DecisionRow): BillingDecision {
  return {
    eventId: String(row.event_id),
    entity: row.entity as BillingEntity,
    method: row.method as BillingMethod,
    subscriptionId: row.subscription_id,
    accountId: row.account_id,
    verdict: row.verdict as Verdict,
    reason: row.reason,
    decidedAt: new Date(row.decided_at),
  };
}
