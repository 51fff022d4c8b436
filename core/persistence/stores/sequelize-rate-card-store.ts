import { inject, injectable } from 'inversify';
import { DataTypes, UniqueConstraintError, type Model, type ModelStatic } from 'sequelize';
import type { PricedOffer, RateCard } from '../../rating/rate-card';
import { rateCardFromJson, rateCardToJson } from '../../rating/rate-card-json';
import type { PublishOutcome, RateCardStore } from '../../rating/rate-card-store';
import { Database } from '../database';

interface RateCardRow {
  id: string;
  offer_kind: string;
  offer_id: string;
  currency: string;
  effective_from: Date;
  body: string;
  published_at: Date;
}

@injectable()
export class SequelizeRateCardStore implements RateCardStore {
  private readonly rows: ModelStatic<Model<RateCardRow>>;

  constructor(@inject(Database) database: Database) {
    this.rows = database.sequelize.define<Model<RateCardRow>>(
      'RateCard',
      {
        id: { type: DataTypes.STRING(128), primaryKey: true },
        offer_kind: { type: DataTypes.STRING(16), allowNull: false },
        offer_id: { type: DataTypes.STRING(128), allowNull: false },
        currency: { type: DataTypes.STRING(3), allowNull: false },
        effective_from: { type: DataTypes.DATE, allowNull: false },
        body: { type: DataTypes.TEXT, allowNull: false },
        published_at: { type: DataTypes.DATE, allowNull: false },
      },
      { tableName: 'rate_cards', timestamps: false },
    );
  }

  async publish(card: RateCard, at: Date): Promise<PublishOutcome> {
    const body = JSON.stringify(rateCardToJson(card));
    const existing = await this.rows.findByPk(card.id);
    if (existing) return existing.get().body === body ? 'unchanged' : 'conflict';
    try {
      await this.rows.create({ id: card.id, offer_kind: card.offer.kind, offer_id: card.offer.id, currency: card.currency, effective_from: card.effectiveFrom, body, published_at: at });
      return 'created';
    } catch (error) {
      // A retried PUT raced its first attempt: compare with what won.
      if (!(error instanceof UniqueConstraintError)) throw error;
      return (await this.rows.findByPk(card.id))?.get().body === body ? 'unchanged' : 'conflict';
    }
  }

  async find(id: string): Promise<RateCard | undefined> {
    const row = await this.rows.findByPk(id);
    return row ? toCard(row.get()) : undefined;
  }

  async list(offer?: PricedOffer): Promise<RateCard[]> {
    const rows = await this.rows.findAll({
      where: offer ? { offer_kind: offer.kind, offer_id: offer.id } : {},
      order: [['offer_kind', 'ASC'], ['offer_id', 'ASC'], ['effective_from', 'ASC'], ['id', 'ASC']],
    });
    return rows.map((r) => toCard(r.get()));
  }
}

function toCard(row: RateCardRow): RateCard {
  return rateCardFromJson(row.id, JSON.parse(row.body) as Record<string, unknown>);
}
