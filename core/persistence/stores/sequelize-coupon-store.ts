import { inject, injectable } from 'inversify';
import { DataTypes, Op, UniqueConstraintError, col, literal, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import type { Coupon, CouponRedemption } from '../../promotions/coupon';
import type { CouponStore, RedemptionRefusal } from '../../promotions/coupon-store';
import { Database } from '../database';
import { chunks } from './sequelize-usage-sql';

interface CouponRow {
  code: string;
  promotion_id: string;
  max_redemptions: number | null;
  max_per_account: number;
  expires_at: Date | null;
  redemptions: number;
  created_at: Date;
}

interface RedemptionRow {
  id?: number;
  code: string;
  account_id: string;
  subscription_id: string;
  account_slot: number;
  redeemed_at: Date;
}

/** Thrown inside the redemption's transaction to roll it back when the overall limit is reached. */
class CouponExhausted extends Error {}

/**
 * A redemption is one transaction: insert the redemption row, whose two unique keys refuse a
 * second redemption of the same target and a per-account slot taken twice, then raise the
 * coupon's count with an UPDATE that only matches below the limit. Each database serialises the
 * UPDATE on the coupon row, so the limit holds across instances without SELECT … FOR UPDATE,
 * which SQLite lacks. A loser of a race on a unique key retries and then sees the winner's row.
 */
@injectable()
export class SequelizeCouponStore implements CouponStore {
  private readonly sequelize: Sequelize;
  private readonly coupons: ModelStatic<Model<CouponRow>>;
  private readonly redemptions: ModelStatic<Model<RedemptionRow>>;

  constructor(@inject(Database) database: Database) {
    this.sequelize = database.sequelize;
    this.coupons = database.sequelize.define<Model<CouponRow>>(
      'Coupon',
      {
        code: { type: DataTypes.STRING(64), primaryKey: true },
        promotion_id: { type: DataTypes.STRING(64), allowNull: false },
        max_redemptions: { type: DataTypes.INTEGER, allowNull: true },
        max_per_account: { type: DataTypes.INTEGER, allowNull: false },
        expires_at: { type: DataTypes.DATE(3), allowNull: true },
        redemptions: { type: DataTypes.INTEGER, allowNull: false },
        created_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      { tableName: 'coupons', timestamps: false },
    );
    this.redemptions = database.sequelize.define<Model<RedemptionRow>>(
      'CouponRedemption',
      {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        code: { type: DataTypes.STRING(64), allowNull: false },
        account_id: { type: DataTypes.STRING(256), allowNull: false },
        subscription_id: { type: DataTypes.STRING(64), allowNull: false },
        account_slot: { type: DataTypes.INTEGER, allowNull: false },
        redeemed_at: { type: DataTypes.DATE(3), allowNull: false },
      },
      { tableName: 'coupon_redemptions', timestamps: false },
    );
  }

  async create(coupon: Coupon): Promise<boolean> {
    try {
      await this.coupons.create({
        code: coupon.code, promotion_id: coupon.promotionId, max_redemptions: coupon.maxRedemptions, max_per_account: coupon.maxPerAccount,
        expires_at: coupon.expiresAt, redemptions: 0, created_at: coupon.createdAt,
      });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintError) return false;
      throw error;
    }
  }

  async find(code: string): Promise<Coupon | undefined> {
    const row = await this.coupons.findByPk(code);
    return row ? toCoupon(row.get()) : undefined;
  }

  async list(): Promise<Coupon[]> {
    const rows = await this.coupons.findAll({ order: [['created_at', 'DESC'], ['code', 'ASC']] });
    return rows.map((row) => toCoupon(row.get()));
  }

  async redeem(coupon: Coupon, redemption: CouponRedemption): Promise<RedemptionRefusal | 'redeemed'> {
    const target = redemption.subscriptionId ?? '';
    // Each lost race lets one other redemption through, so a few more tries than slots always settle it.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.sequelize.transaction(async (transaction) => {
          const mine = await this.redemptions.findAll({ where: { code: coupon.code, account_id: redemption.accountId }, transaction });
          if (mine.some((r) => r.get('subscription_id') === target)) return 'already_redeemed' as const;
          if (mine.length >= coupon.maxPerAccount) return 'account_limit_reached' as const;
          await this.redemptions.create(
            { code: coupon.code, account_id: redemption.accountId, subscription_id: target, account_slot: mine.length + 1, redeemed_at: redemption.redeemedAt },
            { transaction },
          );
          const [counted] = await this.coupons.update(
            { redemptions: literal('redemptions + 1') as unknown as number },
            { where: { code: coupon.code, [Op.or]: [{ max_redemptions: null }, { redemptions: { [Op.lt]: col('max_redemptions') } }] }, transaction },
          );
          if (counted !== 1) throw new CouponExhausted();
          return 'redeemed' as const;
        });
      } catch (error) {
        if (error instanceof CouponExhausted) return 'exhausted';
        if (!isLostRace(error) || attempt >= coupon.maxPerAccount + 20) throw error;
      }
    }
  }

  async redemptionsOf(accountId: string): Promise<CouponRedemption[]> {
    return (await this.redemptionsOfMany([accountId])).get(accountId) ?? [];
  }

  async redemptionsOfMany(accountIds: readonly string[]): Promise<Map<string, CouponRedemption[]>> {
    const byAccount = new Map<string, CouponRedemption[]>();
    for (const chunk of chunks([...new Set(accountIds)])) {
      const rows = await this.redemptions.findAll({ where: { account_id: { [Op.in]: chunk } }, order: [['id', 'ASC']] });
      for (const row of rows) {
        const r = row.get();
        const redemption = { code: r.code, accountId: r.account_id, subscriptionId: r.subscription_id === '' ? null : r.subscription_id, redeemedAt: new Date(r.redeemed_at) };
        byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), redemption]);
      }
    }
    return byAccount;
  }
}

/** A unique key taken by a concurrent redemption, or the database breaking a lock cycle between two. */
function toCoupon(r: CouponRow): Coupon {
  return {
    code: r.code, promotionId: r.promotion_id, maxRedemptions: r.max_redemptions === null ? null : Number(r.max_redemptions),
    maxPerAccount: Number(r.max_per_account), expiresAt: r.expires_at ? new Date(r.expires_at) : null, createdAt: new Date(r.created_at),
  };
}

function isLostRace(error: unknown): boolean {
  if (error instanceof UniqueConstraintError) return true;
  const text = `${(error as Error)?.message ?? ''} ${(error as { parent?: { code?: string } })?.parent?.code ?? ''}`;
  return /deadlock|40P01|40001|ER_LOCK_DEADLOCK|SQLITE_BUSY|database is locked/i.test(text);
}
