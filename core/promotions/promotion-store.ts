import type { Promotion } from './promotion';

export const PromotionStore = Symbol('PromotionStore');
export interface PromotionStore {
  /** Creates or replaces a promotion by id. Issued invoices keep their lines: changing a promotion never rewrites them. */
  save(promotion: Promotion): Promise<void>;
  find(id: string): Promise<Promotion | undefined>;
  /** Every promotion, oldest first, for the admins' list. */
  list(): Promise<Promotion[]>;
  /** Automatic promotions, oldest first: they apply without a coupon. */
  automatic(): Promise<Promotion[]>;
}
