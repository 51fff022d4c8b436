import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../../billing-cycles/billing-cycle';
import type { AddOnInterval, BillableHoldings, Holding, HoldingsOfAccounts, HoldingState, StateInterval } from '../../invoicing/billable-holdings';
import { planIntervals } from '../../subscriptions/plan-intervals';
import { Database } from '../database';
import { chunks, readDate, select, sqlList } from './sequelize-usage-sql';

interface ChangeRow {
  subscription_id: string;
  account_id: string;
  state: string;
  changed_at: Date | string;
}

interface PlanRow {
  subscription_id: string;
  plan_id: string;
  changed_at: Date | string;
}

interface AddOnRow {
  subscription_id: string;
  add_on_id: string;
  added_at: Date | string;
  removed_at: Date | string | null;
}

/**
 * The default holdings: plans from `subscription_plan_changes` and states from
 * `subscription_state_changes`, each row lasting until the next. Life starts at the first state
 * change, which the notification (or billing event) that created the subscription wrote. Every question is answered in memory from the rows of the
 * subscriptions asked about (`RowsHoldings`), whether one subscription or many accounts were read.
 */
@injectable()
export class SequelizeBillableHoldings implements BillableHoldings {
  constructor(@inject(Database) private readonly database: Database) {}

  async accountIds(): Promise<string[]> {
    const rows = await select<{ account_id: string }>(this.database.sequelize, 'SELECT DISTINCT account_id FROM subscriptions ORDER BY account_id');
    return rows.map((r) => r.account_id);
  }

  async subscriptionsOf(accountId: string, period: BillingPeriod): Promise<string[]> {
    const rows = await this.changes(`s.account_id = ${this.database.sequelize.escape(accountId)}`);
    return new RowsHoldings(rows, [], []).subscriptionsOf(accountId, period);
  }

  async during(subscriptionId: string, period: BillingPeriod): Promise<Holding | undefined> {
    const where = `s.id = ${this.database.sequelize.escape(subscriptionId)}`;
    const rows = await this.changes(where);
    if (rows.length === 0) return undefined;
    return new RowsHoldings(rows, await this.addOns(where), await this.plans(where)).during(subscriptionId, period);
  }

  async ofAccounts(accountIds: readonly string[]): Promise<HoldingsOfAccounts> {
    const changes: ChangeRow[] = [];
    const addOns: AddOnRow[] = [];
    const plans: PlanRow[] = [];
    for (const chunk of chunks([...new Set(accountIds)])) {
      const where = `s.account_id IN ${sqlList(this.database.sequelize, chunk)}`;
      changes.push(...(await this.changes(where)));
      addOns.push(...(await this.addOns(where)));
      plans.push(...(await this.plans(where)));
    }
    return new RowsHoldings(changes, addOns, plans);
  }

  /** The add-ons the catalogue mirror saw added (and maybe removed); one whose add was never collected has no start and is left out. */
  private addOns(where: string): Promise<AddOnRow[]> {
    return select<AddOnRow>(
      this.database.sequelize,
      `SELECT a.subscription_id, a.add_on_id, a.added_at, a.removed_at
       FROM subscription_add_ons a JOIN subscriptions s ON s.id = a.subscription_id
       WHERE ${where} AND a.added_at IS NOT NULL ORDER BY a.subscription_id, a.added_at, a.instance_id`,
    );
  }

  private plans(where: string): Promise<PlanRow[]> {
    return select<PlanRow>(
      this.database.sequelize,
      `SELECT p.subscription_id, p.plan_id, p.changed_at
       FROM subscription_plan_changes p JOIN subscriptions s ON s.id = p.subscription_id
       WHERE ${where} ORDER BY p.subscription_id, p.changed_at, p.id`,
    );
  }

  private changes(where: string): Promise<ChangeRow[]> {
    return select<ChangeRow>(
      this.database.sequelize,
      `SELECT s.id AS subscription_id, s.account_id, c.state, c.changed_at
       FROM subscriptions s JOIN subscription_state_changes c ON c.subscription_id = s.id
       WHERE ${where} ORDER BY s.id, c.changed_at, c.id`,
    );
  }
}

/** Holdings computed from the state-change, plan-change and add-on rows of some subscriptions. */
class RowsHoldings implements HoldingsOfAccounts {
  private readonly changesBySubscription = new Map<string, ChangeRow[]>();
  private readonly subscriptionsByAccount = new Map<string, string[]>();
  private readonly addOnsBySubscription = new Map<string, AddOnRow[]>();
  private readonly plansBySubscription = new Map<string, { planId: string; at: Date }[]>();

  constructor(changes: readonly ChangeRow[], addOns: readonly AddOnRow[], plans: readonly PlanRow[]) {
    for (const row of changes) {
      const held = this.changesBySubscription.get(row.subscription_id);
      if (held) held.push(row);
      else {
        this.changesBySubscription.set(row.subscription_id, [row]);
        this.subscriptionsByAccount.set(row.account_id, [...(this.subscriptionsByAccount.get(row.account_id) ?? []), row.subscription_id]);
      }
    }
    for (const row of addOns) this.addOnsBySubscription.set(row.subscription_id, [...(this.addOnsBySubscription.get(row.subscription_id) ?? []), row]);
    for (const row of plans) {
      const held = this.plansBySubscription.get(row.subscription_id) ?? [];
      held.push({ planId: row.plan_id, at: readDate(row.changed_at) });
      this.plansBySubscription.set(row.subscription_id, held);
    }
  }

  subscriptionsOf(accountId: string, period: BillingPeriod): string[] {
    return (this.subscriptionsByAccount.get(accountId) ?? [])
      .filter((id) => states(this.changesBySubscription.get(id)!, period).some((s) => s.state !== 'deleted'))
      .sort();
  }

  during(subscriptionId: string, period: BillingPeriod): Holding | undefined {
    const rows = this.changesBySubscription.get(subscriptionId);
    if (!rows) return undefined;
    const clipped = states(rows, period);
    const alive = clipped.filter((s) => s.state !== 'deleted');
    const life = alive.length > 0 ? { from: alive[0].from, to: alive[alive.length - 1].to } : undefined;
    return {
      subscriptionId,
      accountId: rows[0].account_id,
      plans: planIntervals(this.plansBySubscription.get(subscriptionId) ?? [], life),
      addOns: life ? addOnsDuring(this.addOnsBySubscription.get(subscriptionId) ?? [], life) : [],
      states: clipped,
    };
  }
}

/** The add-ons held during the subscription's life in the period, clipped to it. */
function addOnsDuring(rows: readonly AddOnRow[], life: { from: Date; to: Date }): AddOnInterval[] {
  return rows.flatMap((r) => {
    const from = Math.max(readDate(r.added_at).getTime(), life.from.getTime());
    const to = Math.min(r.removed_at ? readDate(r.removed_at).getTime() : Infinity, life.to.getTime());
    return to > from ? [{ addOnId: r.add_on_id, from: new Date(from), to: new Date(to) }] : [];
  });
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
