/** A code that attaches a promotion to an account, or to one of its subscriptions. */
export interface Coupon {
  /** What the tenant types; unique, compared exactly as stored (codes are issued upper case). */
  readonly code: string;
  readonly promotionId: string;
  /** Redemptions allowed over all accounts; null for no limit. */
  readonly maxRedemptions: number | null;
  /** Redemptions allowed per account (each for another subscription, or the account itself); at least 1. */
  readonly maxPerAccount: number;
  /** The first instant the code is refused; null for never. */
  readonly expiresAt: Date | null;
  readonly createdAt: Date;
}

/** One use of a coupon: the promotion now applies to `subscriptionId`, or to the whole account when null. */
export interface CouponRedemption {
  readonly code: string;
  readonly accountId: string;
  readonly subscriptionId: string | null;
  readonly redeemedAt: Date;
}
