import { inject, injectable } from 'inversify';
import { cyclePeriodAt } from '../billing-cycles/cycle-period';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { FreeUnitsGrant } from '../credits/credit-grant';
import { CreditStore } from '../credits/credit-store';
import { FreeUnitsAllowance } from '../credits/free-units';
import { Decimal } from '../money/decimal';
import { rateCardInEffect } from '../rating/rate-card-in-effect';
import { RateCardStore } from '../rating/rate-card-store';
import { rateQuantity } from '../rating/rate-quantity';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { UsageQuery } from '../usage/store/usage-query';
import { BillableHoldings } from './billable-holdings';
import { BillingProfileStore, cycleOf } from './billing-profile';
import { usagePeriodOf } from './invoice-periods';

/** One meter's cost so far and its straight-line forecast, exact and unrounded (the caller rounds for display). */
export interface MeterEstimate {
  readonly meterId: string;
  readonly quantitySoFar: string;
  readonly costSoFar: string;
  readonly forecastQuantity: string;
  readonly forecastCost: string;
}

export interface CycleEstimate {
  readonly subscriptionId: string;
  readonly currency: string;
  readonly period: BillingPeriod;
  /** The whole UTC hours of the period measured so far. */
  readonly measuredUntil: Date;
  readonly meters: readonly MeterEstimate[];
  readonly costSoFar: string;
  readonly forecastCost: string;
}

/**
 * What a subscription's usage has cost so far in its current cycle, and what it will cost by the
 * cycle's end if it goes on at the same rate. The QUANTITY is extrapolated, then rated, so a
 * forecast crossing a tier boundary is priced at the tiers it will reach. Fixed fees are not part
 * of it: they are known in advance. The account's free units come off both quantities before
 * rating, as they will on the invoice.
 */
@injectable()
export class EstimateCurrentCycle {
  constructor(
    @inject(BillableHoldings) private readonly holdings: BillableHoldings,
    @inject(BillingProfileStore) private readonly profiles: BillingProfileStore,
    @inject(RateCardStore) private readonly rateCards: RateCardStore,
    @inject(UsageQuery) private readonly usage: UsageQuery,
    @inject(CreditStore) private readonly credits: CreditStore,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async estimate(subscriptionId: string): Promise<Result<CycleEstimate, 'subscription_not_found' | 'no_rate_card'>> {
    const now = this.clock.now();
    const held = await this.holdings.during(subscriptionId, { from: now, to: new Date(now.getTime() + 1) });
    const profile = held && (await this.profiles.find(held.accountId));
    if (!held || !profile) return fail('subscription_not_found');
    const period = cyclePeriodAt(cycleOf(profile), profile.timeZone, now);
    const plan = held.plans[0];
    const card = plan ? rateCardInEffect(await this.rateCards.list(), { kind: 'plan', id: plan.planId }, period.from) : undefined;
    if (!card?.ok) return fail('no_rate_card', `No rate card prices the plan of subscription ${subscriptionId}`);
    const whole = usagePeriodOf(period);
    const measured = usagePeriodOf({ from: period.from, to: now });
    const elapsed = new Decimal(measured.to.getTime() - whole.from.getTime());
    const length = new Decimal(whole.to.getTime() - whole.from.getTime());
    const totals = elapsed.gt(0) ? await this.usage.totals(subscriptionId, { from: whole.from, to: measured.to }) : [];
    const grants = (await this.credits.grantsOf(held.accountId)).filter((g): g is FreeUnitsGrant => g.kind === 'free-units');
    const [freeSoFar, freeByEnd] = [new FreeUnitsAllowance(grants, period), new FreeUnitsAllowance(grants, period)];
    const paid = (allowance: FreeUnitsAllowance, meterId: string, quantity: Decimal) =>
      allowance.take(subscriptionId, meterId, quantity).reduce((left, d) => left.minus(d.quantity), quantity);
    const meters = totals
      .filter((t) => Object.hasOwn(card.value.charges, t.meterId))
      .map((t): MeterEstimate => {
        const charge = card.value.charges[t.meterId];
        const soFar = new Decimal(t.quantity);
        const forecast = soFar.times(length).div(elapsed);
        return {
          meterId: t.meterId,
          quantitySoFar: soFar.toString(),
          costSoFar: rateQuantity(charge, paid(freeSoFar, t.meterId, soFar)).amount.toString(),
          forecastQuantity: forecast.toString(),
          forecastCost: rateQuantity(charge, paid(freeByEnd, t.meterId, forecast)).amount.toString(),
        };
      });
    const sum = (pick: (m: MeterEstimate) => string) => meters.reduce((s, m) => s.plus(pick(m)), new Decimal(0)).toString();
    return ok({ subscriptionId, currency: card.value.currency, period, measuredUntil: measured.to, meters, costSoFar: sum((m) => m.costSoFar), forecastCost: sum((m) => m.forecastCost) });
  }
}
