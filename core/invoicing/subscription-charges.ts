import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { ProrationRules } from '../billing-cycles/proration';
import type { FreeUnitsAllowance } from '../credits/free-units';
import type { Decimal } from '../money/decimal';
import type { RateCard } from '../rating/rate-card';
import { rateCardInEffect } from '../rating/rate-card-in-effect';
import type { MeterTotal } from '../usage/store/usage-query';
import type { Holding } from './billable-holdings';
import { cycleOf, type BillingProfile } from './billing-profile';
import { fixedFeeLines, usageLines } from './charge-lines';
import type { DraftLine } from './invoice';
import { usagePeriodOf } from './invoice-periods';

/** What pricing one subscription reads, all of it loaded beforehand: pricing itself never waits on the database. */
export interface ChargeContext {
  readonly profile: BillingProfile;
  readonly cards: readonly RateCard[];
  readonly rules: ProrationRules;
  /** The subscription's usage over one of `usagePeriodsOf(holding)`. */
  readonly totals: (subscriptionId: string, usagePeriod: BillingPeriod) => readonly MeterTotal[];
  readonly warn: (context: Record<string, unknown>, message: string) => void;
}

/**
 * THE rating of one subscription for one period: per plan interval its fixed fees (`'all'`) and
 * its usage less the free units `allowance` still has for it, then the fees of its add-ons (`'all'`). `'usage'` rates only usage, to compare an
 * earlier finalized period with what it bills now (late usage). Every invoice, built alone or in a
 * batch, is priced here.
 */
export function subscriptionCharges(holding: Holding, period: BillingPeriod, context: ChargeContext, what: 'all' | 'usage', allowance: FreeUnitsAllowance): DraftLine[] {
  const { subscriptionId } = holding;
  const { profile, cards } = context;
  const lines: DraftLine[] = [];
  for (const plan of holding.plans) {
    const found = rateCardInEffect(cards, { kind: 'plan', id: plan.planId }, period.from);
    if (!found.ok) {
      context.warn({ subscriptionId, planId: plan.planId, error: found.error }, 'subscription not invoiced: no usable rate card');
      continue;
    }
    const card = found.value;
    if (card.currency !== profile.currency) {
      context.warn({ subscriptionId, rateCardId: card.id, accountCurrency: profile.currency }, 'subscription not invoiced: rate card in another currency');
      continue;
    }
    if (what === 'all') lines.push(...fixedFeeLines(subscriptionId, card, plan, holding.states, period, profile.timeZone, cycleOf(profile), context.rules));
    const usagePeriod = usagePeriodOf(plan);
    if (usagePeriod.to.getTime() <= usagePeriod.from.getTime()) continue;
    const takeFree = (meterId: string, quantity: Decimal) => allowance.take(subscriptionId, meterId, quantity);
    lines.push(...usageLines(subscriptionId, card, context.totals(subscriptionId, usagePeriod), period, takeFree));
  }
  if (what === 'all') lines.push(...addOnFees(holding, period, context));
  return lines;
}

/** The periods `subscriptionCharges` reads usage over, so a batch can read them all beforehand. */
export function usagePeriodsOf(holding: Holding): BillingPeriod[] {
  return holding.plans.map(usagePeriodOf).filter((p) => p.to.getTime() > p.from.getTime());
}

/**
 * An add-on's card prices its fixed fees over the time it was held. Its usage stays with the
 * plan's card: the same meters priced by two cards would bill the same usage twice.
 */
function addOnFees(holding: Holding, period: BillingPeriod, context: ChargeContext): DraftLine[] {
  const { subscriptionId } = holding;
  const lines: DraftLine[] = [];
  for (const addOn of holding.addOns) {
    const found = rateCardInEffect(context.cards, { kind: 'add-on', id: addOn.addOnId }, period.from);
    if (!found.ok || found.value.currency !== context.profile.currency) {
      context.warn({ subscriptionId, addOnId: addOn.addOnId, error: found.ok ? 'currency' : found.error }, 'add-on not invoiced: no usable rate card');
      continue;
    }
    const held = { planId: addOn.addOnId, from: addOn.from, to: addOn.to };
    lines.push(...fixedFeeLines(subscriptionId, found.value, held, holding.states, period, context.profile.timeZone, cycleOf(context.profile), context.rules));
  }
  return lines;
}
