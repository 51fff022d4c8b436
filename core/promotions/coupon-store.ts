import type { Coupon, CouponRedemption } from './coupon';

/** Why a redemption was refused by the store's atomic checks. */
export type RedemptionRefusal = 'already_redeemed' | 'exhausted' | 'account_limit_reached';

export const CouponStore = Symbol('CouponStore');
export interface CouponStore {
  /** Creates a coupon; false when the code is taken. */
  create(coupon: Coupon): Promise<boolean>;
  find(code: string): Promise<Coupon | undefined>;
  /** Every coupon, newest first, for the admins' list. */
  list(): Promise<Coupon[]>;
  /**
   * Records a redemption if the coupon's limits still allow it, atomically: concurrent calls from
   * several instances never exceed `maxRedemptions` or `maxPerAccount`, and the same (code,
   * account, subscription) is stored once (a unique key), the others getting `already_redeemed`.
   * Expiry is the caller's check: it depends on the clock, not on stored state.
   */
  redeem(coupon: Coupon, redemption: CouponRedemption): Promise<RedemptionRefusal | 'redeemed'>;
  /** The account's redemptions, oldest first. */
  redemptionsOf(accountId: string): Promise<CouponRedemption[]>;
  /** The redemptions of many accounts, each oldest first, by account id. */
  redemptionsOfMany(accountIds: readonly string[]): Promise<Map<string, CouponRedemption[]>>;
}
