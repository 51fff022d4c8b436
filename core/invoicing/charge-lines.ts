import type { BillingCycle, BillingPeriod } from '../billing-cycles/billing-cycle';
import type { FreeUnitsDeduction } from '../credits/free-units';
import { prorate, type BillableTime, type ProrationRules } from '../billing-cycles/proration';
import type { TimeSpan } from '../billing-cycles/time-span';
import { prorateFixedFee } from '../billing-cycles/prorate-fixed-fee';
import { Decimal } from '../money/decimal';
import { Money } from '../money/money';
import type { RatedLine } from '../rating/price-model';
import type { RateCard } from '../rating/rate-card';
import { rateQuantity } from '../rating/rate-quantity';
import type { MeterTotal } from '../usage/store/usage-query';
import type { PlanInterval, StateInterval } from './billable-holdings';
import { feePerPeriod } from './fee-per-period';
import { LEDGER_DETAIL, type DraftLine, type ReservedLedgerEntry } from './invoice';

/**
 * The fixed-fee lines of one plan interval of a subscription: each fee's price for a whole period
 * of the account's cycle (`feePerPeriod`), prorated over the billable part of the period: from
 * the plan interval's start to deletion, less suspended time when the rule says so.
 */
export function fixedFeeLines(
  subscriptionId: string,
  card: RateCard,
  plan: PlanInterval,
  states: readonly StateInterval[],
  period: BillingPeriod,
  zone: string,
  cycle: BillingCycle,
  rules: ProrationRules,
): DraftLine[] {
  const time = billableTime(plan, states);
  if (time === undefined) return [];
  const proration = prorate(period, zone, time, rules);
  if (proration.billable === 0) return [];
  return card.fixedFees.map((fee) => {
    const perPeriod = Money.of(feePerPeriod(fee.amount, fee.interval, cycle, period, zone), card.currency);
    const amount = prorateFixedFee(perPeriod, proration).amount;
    return {
      kind: 'fixed-fee',
      subscriptionId,
      meterId: null,
      feeId: fee.id,
      description: fee.description,
      quantity: null,
      unroundedAmount: amount,
      servicePeriod: period,
      detail: {
        rateCardId: card.id,
        planId: plan.planId,
        feeInterval: fee.interval,
        feeAmount: fee.amount.toString(),
        perPeriod: perPeriod.amount.toString(),
        proration: { unit: proration.unit, billable: proration.billable, total: proration.total, suspendedTime: rules.suspendedTime },
        unrounded: amount.toString(),
      },
    };
  });
}

/** The free units of a meter's quantity (see `FreeUnitsAllowance.take`); none when the account has no grant. */
export type TakeFreeUnits = (meterId: string, quantity: Decimal) => readonly FreeUnitsDeduction[];

/**
 * One line per priced meter with usage; meters the card does not price are free for this offer.
 * Free units come off the quantity before rating, so tiers count from the first paid unit; a
 * line whose usage is all free stays on the invoice at zero, showing what was free, and keeps the
 * ledger rows its finalization writes.
 */
export function usageLines(subscriptionId: string, card: RateCard, totals: readonly MeterTotal[], servicePeriod: BillingPeriod, takeFree: TakeFreeUnits): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const total of totals) {
    if (!Object.hasOwn(card.charges, total.meterId)) continue;
    const used = new Decimal(total.quantity);
    if (used.isZero()) continue;
    const free = takeFree(total.meterId, used);
    const freeUnits = free.reduce((sum, d) => sum.plus(d.quantity), new Decimal(0));
    const quantity = used.minus(freeUnits);
    const rating = rateQuantity(card.charges[total.meterId], quantity);
    const unit = total.unit ? ` ${total.unit}` : '';
    lines.push({
      kind: 'usage',
      subscriptionId,
      meterId: total.meterId,
      feeId: null,
      description: `${total.meterId}: ${used.toString()}${unit}${free.length > 0 ? `, ${freeUnits.toString()} free` : ''}`,
      quantity,
      unroundedAmount: rating.amount,
      servicePeriod,
      detail: {
        rateCardId: card.id,
        planId: card.offer.id,
        model: card.charges[total.meterId].model.kind,
        unit: total.unit ?? null,
        includedUnits: rating.includedUnits.toString(),
        chargedUnits: rating.chargedUnits.toString(),
        tiers: rating.lines.map(tierDetail),
        unrounded: rating.amount.toString(),
        ...(free.length > 0 ? freeUnitsDetail(free, used) : {}),
      },
    });
  }
  return lines;
}

function freeUnitsDetail(free: readonly FreeUnitsDeduction[], used: Decimal): Record<string, unknown> {
  return {
    usedUnits: used.toString(),
    freeUnits: free.map((d) => ({ grantId: d.grantId, quantity: d.quantity.toString(), description: d.description })),
    [LEDGER_DETAIL]: free.map((d): ReservedLedgerEntry => ({
      grantId: d.grantId, kind: 'free-units-use', amount: d.quantity.negated().toString(), currency: null, meterId: d.meterId, description: d.description,
    })),
  };
}

/** When the subscription could be billed under this plan: from its first known state to deletion. */
function billableTime(plan: PlanInterval, states: readonly StateInterval[]): BillableTime | undefined {
  const held = states.filter((s) => s.state !== 'deleted' && s.to > plan.from && s.from < plan.to);
  if (held.length === 0) return undefined;
  const from = new Date(Math.max(held[0].from.getTime(), plan.from.getTime()));
  const to = new Date(Math.min(held[held.length - 1].to.getTime(), plan.to.getTime()));
  const suspensions: TimeSpan[] = held.filter((s) => s.state === 'suspended').map((s) => ({ from: s.from, to: s.to }));
  return { activeFrom: from, activeTo: to, suspensions };
}

function tierDetail(line: RatedLine): Record<string, unknown> {
  const base = { kind: line.kind, from: line.from.toString(), to: line.to === null ? null : line.to.toString(), units: line.units.toString(), amount: line.amount.toString() };
  return line.kind === 'tier'
    ? { ...base, unitPrice: line.unitPrice.toString(), flatFee: line.flatFee.toString() }
    : { ...base, blockSize: line.blockSize.toString(), blocks: line.blocks.toString(), blockPrice: line.blockPrice.toString() };
}
