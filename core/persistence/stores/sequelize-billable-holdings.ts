import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../../billing-cycles/billing-cycle';
import type { AddOnInterval, BillableHoldings, Holding, HoldingState, StateInterval } from '../../invoicing/billable-holdings';
import { planIntervals } from '../../subscriptions/plan-intervals';
import { Database } from '../database';
import { readDate, select } from './sequelize-usage-sql';

interface ChangeRow {
  subscription_id: string;
  account_id: string;
  state: string;
  changed_at: Date | string;
}

/**
 * The default holdings: plans from `subscription_plan_changes` and states from
 * `subscription_state_changes`, each row lasting until the next. Life starts at the first state
 * change, which the notification (or billing event) that created the subscription wrote.
 */
@injectable()
export class SequelizeBillableHoldings implements BillableHoldings {
  constructor(@inject(Database) private readonly database: Database) {}

  async accountIds(): Promise<string[]> {
    const rows = await select<{ account_id: string }>(this.database.sequelize, 'SELECT DISTINCT account_id FROM subscriptions ORDER BY account_id');
    return rows.map((r) => r.account_id);
  }

  async subscriptionsOf(accountId: string, period: BillingPeriod): Promise<string[]> {
    const rows = await this.changes('s.account_id = :accountId', { accountId });
    const bySubscription = group(rows);
    return [...bySubscription.keys()].filter((id) => states(bySubscription.get(id)!, period).some((s) => s.state !== 'deleted')).sort();
  }

  async during(subscriptionId: string, period: BillingPeriod): Promise<Holding | undefined> {
    const rows = await this.changes('s.id = :subscriptionId', { subscriptionId });
    if (rows.length === 0) return undefined;
    const clipped = states(rows, period);
    const alive = clipped.filter((s) => s.state !== 'deleted');
    const life = alive.length > 0 ? { from: alive[0].from, to: alive[alive.length - 1].to } : undefined;
    return {
      subscriptionId,
      accountId: rows[0].account_id,
      plans: life ? planIntervals(await this.planHistory(subscriptionId), life) : [],
      addOns: life ? await this.addOnsDuring(subscriptionId, life) : [],
      states: clipped,
    };
  }

  /** The add-ons the catalogue mirror saw added (and maybe removed), clipped to the subscription's life in the period. */
  private async addOnsDuring(subscriptionId: string, life: { from: Date; to: Date }): Promise<AddOnInterval[]> {
    const rows = await select<{ add_on_id: string; added_at: Date | string; removed_at: Date | string | null }>(
      this.database.sequelize,
      `SELECT add_on_id, added_at, removed_at FROM subscription_add_ons
       WHERE subscription_id = :subscriptionId AND added_at IS NOT NULL AND added_at < :to AND (removed_at IS NULL OR removed_at > :from)
       ORDER BY added_at, instance_id`,
      undefined,
      { subscriptionId, from: life.from, to: life.to },
    );
    return rows.map((r) => ({
      addOnId: r.add_on_id,
      from: new Date(Math.max(readDate(r.added_at).getTime(), life.from.getTime())),
      to: new Date(Math.min(r.removed_at ? readDate(r.removed_at).getTime() : Infinity, life.to.getTime())),
    }));
  }

  private async planHistory(subscriptionId: string): Promise<{ planId: string; at: Date }[]> {
    const rows = await select<{ plan_id: string; changed_at: Date | string }>(
      this.database.sequelize,
      'SELECT plan_id, changed_at FROM subscription_plan_changes WHERE subscription_id = :subscriptionId ORDER BY changed_at, id',
      undefined,
      { subscriptionId },
    );
    return rows.map((r) => ({ planId: r.plan_id, at: readDate(r.changed_at) }));
  }

  private changes(where: string, replacements: Record<string, unknown>): Promise<ChangeRow[]> {
    return select<ChangeRow>(
      this.database.sequelize,
      `SELECT s.id AS subscription_id, s.account_id, c.state, c.changed_at
       FROM subscriptions s JOIN subscription_state_changes c ON c.subscription_id = s.id
       WHERE ${where} ORDER BY s.id, c.changed_at, c.id`,
      undefined,
      replacements,
    );
  }
}

function group(rows: readonly ChangeRow[]): Map<string, ChangeRow[]> {
  const map = new Map<string, ChangeRow[]>();
  for (const row of rows) map.set(row.subscription_id, [...(map.get(row.subscription_id) ?? []), row]);
  return map;
}

/** The state intervals of one subscription's history, clipped to the period. */
function states(rows: readonly ChangeRow[], period: BillingPeriod): StateInterval[] {
  const out: StateInterval[] = [];
  rows.forEach((row, i) => {
    const from = Math.max(readDate(row.changed_at).getTime(), period.from.getTime());
    const next = rows[i + 1];
    const to = Math.min(next ? readDate(next.changed_at).getTime() : Infinity, period.to.getTime());
    if (to > from) out.push({ state: holdingState(row.state), from: new Date(from), to: new Date(to) });
  });
  return out;
}

function holdingState(state: string): HoldingState {
  // WAP's "being deleted" still holds its resources: billable until it is gone.
  if (state === 'deleted-pending') return 'active';
  return state === 'suspended' || state === 'deleted' ? state : 'active';
}
