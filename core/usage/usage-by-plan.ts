import { inject, injectable } from 'inversify';
import { BillableHoldings } from '../invoicing/billable-holdings';
import { usagePeriodOf } from '../invoicing/invoice-periods';
import type { Period } from './metering/aggregation/period';
import { UsageQuery, type SubscriptionPeriod } from './store/usage-query';
import { TotalAcrossSubscriptions } from './total-across-subscriptions';

/** One plan's use of one meter over a period, across the subscriptions that held the plan meanwhile. */
export interface PlanMeterUsage {
  /**
   * `null` for usage of no plan: of a subscription the catalogue does not know, or from a time
   * the subscription held none (before its life, after its deletion).
   */
  readonly planId: string | null;
  readonly meterId: string;
  readonly unit: string | undefined;
  /** How many subscriptions used the meter while they held the plan. */
  readonly subscriptions: number;
  /** The subscriptions' quantities added up, where they add up (`TotalAcrossSubscriptions`). */
  readonly quantity: string | null;
}

/**
 * Admins' usage by plan: each subscription's usage is split by the plans it held, at the same
 * hours the invoicer splits it (`usagePeriodOf`), so a plan's figures are what its subscriptions
 * were billed for under it.
 */
@injectable()
export class UsageByPlan {
  constructor(
    @inject(UsageQuery) private readonly usage: UsageQuery,
    @inject(BillableHoldings) private readonly holdings: BillableHoldings,
  ) {}

  async over(period: Period): Promise<PlanMeterUsage[]> {
    const used = [...new Set((await this.usage.overview(period)).map((t) => t.subscriptionId))];
    const held = await this.holdings.ofAccounts(await this.holdings.accountIds());
    const pieces: (SubscriptionPeriod & { readonly planId: string | null })[] = [];
    for (const subscriptionId of used) {
      const plans = held.during(subscriptionId, period)?.plans ?? [];
      for (const piece of [...plans, ...heldByNoPlan(period, plans)]) {
        const usagePeriod = usagePeriodOf(piece);
        if (usagePeriod.to > usagePeriod.from) pieces.push({ subscriptionId, period: usagePeriod, planId: piece.planId });
      }
    }
    const totals = await this.usage.totalsMany(pieces);
    const rows = new Map<string, { planId: string | null; meterId: string; unit: string | undefined; total: TotalAcrossSubscriptions }>();
    pieces.forEach(({ planId, subscriptionId }, i) => {
      for (const { meterId, unit, aggregation, quantity } of totals[i]) {
        const key = `${planId ?? ''}\u0000${meterId}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { planId, meterId, unit, total: new TotalAcrossSubscriptions(aggregation) }));
        row.total.add(subscriptionId, quantity);
      }
    });
    return [...rows.values()]
      .map(({ planId, meterId, unit, total }) => ({ planId, meterId, unit, subscriptions: total.subscriptions, quantity: total.quantity }))
      .sort((a, b) => compareNullLast(a.planId, b.planId) || a.meterId.localeCompare(b.meterId));
  }
}

/** The parts of `period` outside every plan interval (sorted and disjoint, as `planIntervals` gives them). */
function heldByNoPlan(period: Period, plans: readonly Period[]): (Period & { readonly planId: null })[] {
  const gaps: (Period & { planId: null })[] = [];
  let from = period.from;
  for (const plan of plans) {
    if (plan.from > from) gaps.push({ planId: null, from, to: plan.from });
    if (plan.to > from) from = plan.to;
  }
  if (period.to > from) gaps.push({ planId: null, from, to: period.to });
  return gaps;
}

function compareNullLast(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);
}
