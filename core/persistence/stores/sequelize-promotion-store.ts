import { inject, injectable } from 'inversify';
import { DataTypes, type Model, type ModelStatic } from 'sequelize';
import { Decimal } from '../../money/decimal';
import type { Promotion, PromotionBenefit, PromotionValidity } from '../../promotions/promotion';
import type { PromotionStore } from '../../promotions/promotion-store';
import { Database } from '../database';
import { exactDecimal } from '../exact-decimal';

interface PromotionRow {
  id: string;
  name: string;
  plan_ids: string;
  benefit_kind: string;
  percent_off: string | null;
  amount_off: string | null;
  currency: string | null;
  applies_to: string;
  meter_ids: string;
  validity_kind: string;
  valid_from: Date | null;
  valid_until: Date | null;
  days: number | null;
  day_unit: string | null;
  cycles: number | null;
  automatic: boolean;
  created_at: Date;
}

/** Promotions as one row each; the benefit and validity unions are spread over nullable columns. */
@injectable()
export class SequelizePromotionStore implements PromotionStore {
  private readonly rows: ModelStatic<Model<PromotionRow>>;

  constructor(@inject(Database) database: Database) {
    const decimal = exactDecimal(database.dialect);
    this.rows = database.sequelize.define<Model<PromotionRow>>(
      'Promotion',
      {
        id: { type: DataTypes.STRING(64), primaryKey: true },
        name: { type: DataTypes.STRING(256), allowNull: false },
        plan_ids: { type: DataTypes.TEXT, allowNull: false },
        benefit_kind: { type: DataTypes.STRING(16), allowNull: false },
        percent_off: { type: decimal, allowNull: true },
        amount_off: { type: decimal, allowNull: true },
        currency: { type: DataTypes.STRING(3), allowNull: true },
        applies_to: { type: DataTypes.STRING(8), allowNull: false },
        meter_ids: { type: DataTypes.TEXT, allowNull: false },
        validity_kind: { type: DataTypes.STRING(16), allowNull: false },
        valid_from: { type: DataTypes.DATE(3), allowNull: true },
        valid_until: { type: DataTypes.DATE(3), allowNull: true },
        days: { type: DataTypes.INTEGER, allowNull: true },
        day_unit: { type: DataTypes.STRING(8), allowNull: true },
        cycles: { type: DataTypes.INTEGER, allowNull: true },
        automatic: { type: DataTypes.BOOLEAN, allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      { tableName: 'promotions', timestamps: false },
    );
  }

  async save(promotion: Promotion): Promise<void> {
    await this.rows.upsert(toRow(promotion));
  }

  async find(id: string): Promise<Promotion | undefined> {
    const row = await this.rows.findByPk(id);
    return row ? toPromotion(row.get()) : undefined;
  }

  async list(): Promise<Promotion[]> {
    const rows = await this.rows.findAll({ order: [['created_at', 'ASC'], ['id', 'ASC']] });
    return rows.map((r) => toPromotion(r.get()));
  }

  async automatic(): Promise<Promotion[]> {
    const rows = await this.rows.findAll({ where: { automatic: true }, order: [['created_at', 'ASC'], ['id', 'ASC']] });
    return rows.map((r) => toPromotion(r.get()));
  }
}

function toRow(p: Promotion): PromotionRow {
  const { benefit: b, validity: v } = p;
  return {
    id: p.id,
    name: p.name,
    plan_ids: JSON.stringify(p.planIds),
    benefit_kind: b.kind,
    percent_off: b.kind === 'percentage' ? b.percent.toString() : null,
    amount_off: b.kind === 'amount' ? b.amount.toString() : null,
    currency: b.kind === 'amount' ? b.currency : null,
    applies_to: p.target.fees,
    meter_ids: JSON.stringify(p.target.meterIds),
    validity_kind: v.kind,
    valid_from: v.kind === 'recurring' ? v.from : null,
    valid_until: v.kind === 'recurring' ? v.until : null,
    days: v.kind === 'days' ? v.days : null,
    day_unit: v.kind === 'days' ? v.unit : null,
    cycles: v.kind === 'cycles' ? v.cycles : null,
    automatic: p.automatic,
    created_at: p.createdAt,
  };
}

function toPromotion(row: PromotionRow): Promotion {
  const benefit: PromotionBenefit = row.benefit_kind === 'percentage'
    ? { kind: 'percentage', percent: new Decimal(row.percent_off!) }
    : { kind: 'amount', amount: new Decimal(row.amount_off!), currency: row.currency! };
  return {
    id: row.id,
    name: row.name,
    planIds: JSON.parse(row.plan_ids),
    benefit,
    target: { fees: row.applies_to as Promotion['target']['fees'], meterIds: JSON.parse(row.meter_ids) },
    validity: toValidity(row),
    automatic: Boolean(row.automatic),
    createdAt: new Date(row.created_at),
  };
}

function toValidity(row: PromotionRow): PromotionValidity {
  switch (row.validity_kind) {
    case 'recurring':
      return { kind: 'recurring', from: new Date(row.valid_from!), until: row.valid_until ? new Date(row.valid_until) : null };
    case 'days':
      return { kind: 'days', days: row.days!, unit: row.day_unit as 'day' | 'second' };
    case 'cycles':
      return { kind: 'cycles', cycles: row.cycles! };
    default:
      return { kind: 'first-invoice' };
  }
}
