import { inject, injectable } from 'inversify';
import { isCurrencyCode } from '../money/currency';
import { fail, ok, type Result } from '../shared/result';
import type { Promotion } from './promotion';
import { PromotionStore } from './promotion-store';

/** Creates or replaces a promotion after checking that it can be applied. */
@injectable()
export class DefinePromotion {
  constructor(@inject(PromotionStore) private readonly promotions: PromotionStore) {}

  async define(promotion: Promotion): Promise<Result<Promotion, 'invalid_promotion'>> {
    const problem = problemOf(promotion);
    if (problem) return fail('invalid_promotion', problem);
    await this.promotions.save(promotion);
    return ok(promotion);
  }
}

/** The first reason `promotion` cannot be applied, or undefined. */
export function problemOf(promotion: Promotion): string | undefined {
  const { benefit, validity } = promotion;
  if (!promotion.id || promotion.id.length > 64) return 'id must be 1–64 characters';
  if (benefit.kind === 'percentage' && (benefit.percent.lte(0) || benefit.percent.gt(100))) return 'percent must be more than 0 and at most 100';
  if (benefit.kind === 'amount' && benefit.amount.lte(0)) return 'amount must be positive';
  if (benefit.kind === 'amount' && !isCurrencyCode(benefit.currency)) return `unknown currency '${benefit.currency}'`;
  if (validity.kind === 'days' && (!Number.isInteger(validity.days) || validity.days < 1)) return 'days must be a whole number of at least 1';
  if (validity.kind === 'cycles' && (!Number.isInteger(validity.cycles) || validity.cycles < 1)) return 'cycles must be a whole number of at least 1';
  if (validity.kind === 'recurring' && validity.until !== null && validity.until <= validity.from) return 'until must be after from';
  return undefined;
}
