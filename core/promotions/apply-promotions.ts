import type { Millis } from '../billing-cycles/time-span';
import { Decimal } from '../money/decimal';
import { roundToCurrency, roundedAmountText } from '../money/round-to-currency';
import { coveredShare, type CoveredShare } from './covered-share';
import type { AdjustmentLine, AdjustmentSource, ChargeLine, InvoiceContext, SubscriptionContext } from './line-adjuster';
import { isTrial, type Promotion } from './promotion';
import { promotionWindow, type PromotionWindow } from './promotion-window';

/** A promotion in force for some subscriptions of the account. */
export interface PromotionAttachment {
  readonly promotion: Promotion;
  /** Set when a coupon attached it: the invoice line names the code. */
  readonly couponCode?: string;
  /** The subscriptions it was attached to; null for all of the account's (an automatic or account-wide one). */
  readonly subscriptionId: string | null;
  /** When it was attached (a redemption); days and cycles count from here when later than the sign-up. */
  readonly attachedAt: Date | null;
}

/** A discount already on a charge line: its amount, spread evenly over the time it covered. */
interface Taken {
  readonly span: Millis;
  readonly amount: Decimal;
}

/** Per charge line: what is left of it, and the discounts taken from it so far. */
interface LineBalance {
  left: Decimal;
  readonly taken: Taken[];
}

/**
 * Discount lines for `attachments` over `charges`. Pure. Rules:
 * - a promotion reduces the lines of its plans, fee kinds and meters, for the subscriptions it is
 *   attached to, over the part of each line's period its window covers;
 * - each applies to what is left of a line after the discounts before it (`earlier`, then the
 *   attachments in order: percentages before fixed amounts, then by creation), so discounts never
 *   take a line below zero; a percentage is of what is left IN ITS WINDOW: where two windows
 *   overlap they compound (20% then 10% is 28% off), and where they do not, one never reduces the
 *   other (a 14-day trial and a discount for days 1–21 of one month: the discount is of days 15–21);
 * - each discount is rounded half-up to the currency once, on its own line.
 */
export function applyPromotions(
  charges: readonly ChargeLine[],
  earlier: readonly AdjustmentLine[],
  attachments: readonly PromotionAttachment[],
  context: InvoiceContext,
): AdjustmentLine[] {
  const balances = new Map<string, LineBalance>(charges.map((c) => [c.id, { left: c.amount, taken: [] }]));
  const spans = new Map<string, Millis>(charges.map((c) => [c.id, { from: c.period.from.getTime(), to: c.period.to.getTime() }]));
  for (const line of earlier) {
    const balance = line.chargeLineId === null ? undefined : balances.get(line.chargeLineId);
    if (!balance) continue;
    balance.left = balance.left.plus(line.amount);
    balance.taken.push({ span: line.covered ?? spans.get(line.chargeLineId!)!, amount: line.amount.negated() });
  }
  const out: AdjustmentLine[] = [];
  for (const attachment of [...attachments].sort(byApplicationOrder)) {
    for (const subscription of context.subscriptions) {
      if (attachment.subscriptionId !== null && attachment.subscriptionId !== subscription.subscriptionId) continue;
      const start = attachment.attachedAt && attachment.attachedAt > subscription.signedUpAt ? attachment.attachedAt : subscription.signedUpAt;
      const window = promotionWindow(attachment.promotion.validity, start, context);
      if (!window) continue;
      const eligible = charges.filter((c) => c.subscriptionId === subscription.subscriptionId && targets(attachment.promotion, c));
      const lines = attachment.promotion.benefit.kind === 'percentage'
        ? percentageOff(attachment, attachment.promotion.benefit.percent, eligible, window, subscription, balances, context)
        : amountOff(attachment, eligible, window, subscription, balances, context);
      out.push(...lines);
    }
  }
  return out;
}

function percentageOff(
  attachment: PromotionAttachment, percent: Decimal, eligible: readonly ChargeLine[], window: PromotionWindow,
  subscription: SubscriptionContext, balances: Map<string, LineBalance>, context: InvoiceContext,
): AdjustmentLine[] {
  const out: AdjustmentLine[] = [];
  for (const line of eligible) {
    const balance = balances.get(line.id)!;
    const left = Decimal.max(balance.left, 0);
    if (left.isZero()) continue;
    const share = coveredShare(window.span, billedSpan(line.period, subscription), window.unit, context.zone);
    if (!share.covered) continue;
    // Multiply before dividing: 100 × 14 ÷ 14 stays exactly 100.
    const raw = leftInWindow(line, balance, share, window, context.zone).times(percent).div(100);
    const discount = Decimal.min(roundToCurrency(raw, context.currency), left);
    if (discount.lte(0)) continue;
    take(balance, share.covered, discount);
    out.push(lineFor(attachment, line.id, line.subscriptionId, discount, share.covered, reasonFor(attachment.promotion, percent, line, window, share.covered), context));
  }
  return out;
}

/** The line's amount for the time the window covers, less what earlier discounts took of that time. */
function leftInWindow(line: ChargeLine, balance: LineBalance, share: CoveredShare, window: PromotionWindow, zone: string): Decimal {
  let left = line.amount.times(share.coveredCount).div(share.totalCount);
  for (const taken of balance.taken) {
    const overlap = coveredShare(window.span, taken.span, window.unit, zone);
    if (overlap.covered) left = left.minus(taken.amount.times(overlap.coveredCount).div(overlap.totalCount));
  }
  return Decimal.max(left, 0);
}

function take(balance: LineBalance, span: Millis, amount: Decimal): void {
  balance.left = balance.left.minus(amount);
  balance.taken.push({ span, amount });
}

function amountOff(
  attachment: PromotionAttachment, eligible: readonly ChargeLine[], window: PromotionWindow,
  subscription: SubscriptionContext, balances: Map<string, LineBalance>, context: InvoiceContext,
): AdjustmentLine[] {
  const benefit = attachment.promotion.benefit;
  if (benefit.kind !== 'amount' || benefit.currency !== context.currency) return [];
  // The amount is per billing period: a window covering part of the period gives that share of it.
  const share = coveredShare(window.span, billedSpan(context.period, subscription), window.unit, context.zone);
  if (!share.covered) return [];
  let budget = roundToCurrency(benefit.amount.times(share.coveredCount).div(share.totalCount), context.currency);
  const reason = `${roundedAmountText(benefit.amount, context.currency)} ${context.currency} off${scopeText(attachment.promotion)}, ${window.explain(share.covered)}`;
  const out: AdjustmentLine[] = [];
  for (const line of eligible) {
    const balance = balances.get(line.id)!;
    const discount = Decimal.min(budget, Decimal.max(balance.left, 0));
    if (discount.isZero()) continue;
    budget = budget.minus(discount);
    take(balance, share.covered, discount);
    out.push(lineFor(attachment, line.id, line.subscriptionId, discount, share.covered, reason, context));
  }
  return out;
}

/** The line's span, never before the sign-up: nothing was billed before it. */
function billedSpan(period: { from: Date; to: Date }, subscription: SubscriptionContext): Millis {
  return { from: Math.max(period.from.getTime(), subscription.signedUpAt.getTime()), to: period.to.getTime() };
}

function targets(promotion: Promotion, line: ChargeLine): boolean {
  if (promotion.planIds.length > 0 && !promotion.planIds.includes(line.planId)) return false;
  if (promotion.target.fees !== 'both' && promotion.target.fees !== line.kind) return false;
  if (line.kind === 'usage' && promotion.target.meterIds.length > 0) return line.meterId !== undefined && promotion.target.meterIds.includes(line.meterId);
  return true;
}

function reasonFor(promotion: Promotion, percent: Decimal, line: ChargeLine, window: PromotionWindow, covered: Millis): string {
  if (isTrial(promotion)) return `trial: ${window.explain(covered)}`;
  const what = line.kind === 'fixed' ? 'fixed fees' : `usage of ${line.meterId ?? 'every meter'}`;
  return `${percent.toString()}% off ${what}, ${window.explain(covered)}`;
}

function scopeText(promotion: Promotion): string {
  return promotion.target.fees === 'both' ? '' : promotion.target.fees === 'fixed' ? ' fixed fees' : ' usage';
}

function lineFor(
  attachment: PromotionAttachment, chargeLineId: string, subscriptionId: string, discount: Decimal, covered: Millis, reason: string, context: InvoiceContext,
): AdjustmentLine {
  const { promotion, couponCode } = attachment;
  const source: AdjustmentSource = couponCode === undefined
    ? { type: 'promotion', promotionId: promotion.id, promotionName: promotion.name }
    : { type: 'coupon', couponCode, promotionId: promotion.id, promotionName: promotion.name };
  const key = couponCode === undefined ? `promotion:${promotion.id}` : `coupon:${couponCode}`;
  const name = couponCode === undefined ? promotion.name : `${promotion.name} (coupon ${couponCode})`;
  return {
    id: `${key}:${chargeLineId}`,
    kind: 'discount',
    subscriptionId,
    chargeLineId,
    amount: roundToCurrency(discount, context.currency).negated(),
    description: `${name} — ${reason}`,
    reason,
    source,
    covered,
  };
}

function byApplicationOrder(a: PromotionAttachment, b: PromotionAttachment): number {
  const kind = (x: PromotionAttachment) => (x.promotion.benefit.kind === 'percentage' ? 0 : 1);
  return kind(a) - kind(b) || a.promotion.createdAt.getTime() - b.promotion.createdAt.getTime() || a.promotion.id.localeCompare(b.promotion.id);
}
