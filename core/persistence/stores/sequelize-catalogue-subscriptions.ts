import type { Transaction } from 'sequelize';
import type { AccountDefaults } from '../../accounts/account-defaults';
import type { SubscriptionMark } from '../../catalogue/catalogue-store';
import type { Subscription } from '../../subscriptions/subscription';
import type { SubscriptionWrite, WriteOutcome } from '../../subscriptions/subscription-store';
import { subscriptionWriteEffects } from '../../subscriptions/subscription-write-effects';
import type { DialectName } from '../database-url';
import type { Database } from '../database';
import { newAccountRow } from './sequelize-account-store';
import { CataloguePageTable } from './sequelize-catalogue-page-table';
import { SUBSCRIPTION_MARKS_TABLE, updateRow, type HeldMark } from './sequelize-catalogue-rows';
import { toSubscription } from './sequelize-subscription-store';
import { chunks, insertRows, readDate, select, sqlList } from './sequelize-usage-sql';

type Row = Record<string, unknown>;

/** What the page knows of one subscription id: as stored before the page, then as its events left it. */
interface Held {
  subscription: Subscription | undefined;
  readonly stored: boolean;
  /** Set when the page changed the row: when it was first written (for a new row) and last changed. */
  written?: { readonly createdAt: Date; updatedAt: Date };
  lastStateChangeAt: Date | undefined;
}

/**
 * Rows are locked for the page's transaction where the database can, as the subscription store's
 * own write does: an RP notification changing the same subscription waits for the page's commit.
 */
const LOCK_ROWS: Partial<Record<DialectName, { readonly hint: string; readonly suffix: string }>> = {
  postgres: { hint: '', suffix: ' FOR UPDATE' },
  mariadb: { hint: '', suffix: ' FOR UPDATE' },
  mssql: { hint: ' WITH (UPDLOCK, ROWLOCK)', suffix: '' },
};

/**
 * The subscriptions side of one catalogue page, inside its transaction: what the events ask about
 * their subscriptions, owners and marks is read in one statement a table for the whole page
 * (`load`; the marks through a `CataloguePageTable`), and what they write is kept here and
 * written at the end (`flush`), a multi-row INSERT a table for the new rows. A page of
 * subscription events then costs a dozen statements instead of a dozen an event (through
 * Sequelize's models, 3.6 ms an event on SQLite). The
 * writes follow the subscription store's rule (`subscriptionWriteEffects`), so the rows are
 * those its own write would leave, event after event.
 */
export class CatalogueSubscriptionRows {
  private readonly held = new Map<string, Held>();
  /** Owners looked up: whether each has an account (before the page, or created in it). */
  private readonly accounts = new Map<string, boolean>();
  private readonly newAccounts: Row[] = [];
  private readonly stateChanges: Row[] = [];
  private readonly planChanges: Row[] = [];
  private readonly marks: CataloguePageTable<HeldMark>;

  constructor(
    private readonly database: Database,
    private readonly transaction: Transaction,
    private readonly accountDefaults: AccountDefaults,
    private readonly now: Date,
  ) {
    this.marks = new CataloguePageTable(database, transaction, SUBSCRIPTION_MARKS_TABLE);
  }

  /** Reads what the page will ask about these subscriptions and owners; anything else is read when asked. */
  async load(subscriptionIds: readonly string[], accountIds: readonly string[]): Promise<void> {
    const ids = [...new Set(subscriptionIds)].filter((id) => !this.held.has(id));
    for (const chunk of chunks(ids)) await this.loadSubscriptions(chunk);
    await this.marks.load(ids);
    const owners = [...new Set(accountIds)].filter((id) => !this.accounts.has(id));
    for (const chunk of chunks(owners)) {
      const rows = await this.select<{ id: string }>(`SELECT id FROM accounts WHERE id IN ${this.list(chunk)}`);
      for (const id of chunk) this.accounts.set(id, false);
      for (const row of rows) this.accounts.set(row.id, true);
    }
  }

  async find(id: string): Promise<Subscription | undefined> {
    return (await this.heldOf(id)).subscription;
  }

  async lastStateChangeAt(id: string): Promise<Date | undefined> {
    return (await this.heldOf(id)).lastStateChangeAt;
  }

  mark(id: string): Promise<SubscriptionMark | undefined> {
    return this.marks.find([id]);
  }

  saveMark(id: string, mark: SubscriptionMark): Promise<void> {
    return this.marks.save({ subscriptionId: id, ...mark });
  }

  async save({ subscription, at, source }: SubscriptionWrite): Promise<WriteOutcome> {
    const held = await this.heldOf(subscription.id);
    const effects = subscriptionWriteEffects(held.subscription, subscription);
    if (effects.row !== 'none') {
      if (held.written) held.written.updatedAt = at;
      else held.written = { createdAt: at, updatedAt: at };
    }
    held.subscription = { ...subscription };
    if (effects.stateChanged) {
      this.stateChanges.push({ subscription_id: subscription.id, state: subscription.state, changed_at: at, source });
      if (!held.lastStateChangeAt || at > held.lastStateChangeAt) held.lastStateChangeAt = at;
    }
    if (effects.planChanged) this.planChanges.push({ subscription_id: subscription.id, plan_id: subscription.planId, changed_at: at, source });
    return { subscription: { ...subscription }, stateChanged: effects.stateChanged };
  }

  async ensureAccount(accountId: string): Promise<void> {
    if (!this.accounts.has(accountId)) await this.load([], [accountId]);
    if (this.accounts.get(accountId)) return;
    this.accounts.set(accountId, true);
    this.newAccounts.push({ ...newAccountRow(accountId, this.accountDefaults, this.now) });
  }

  /** Writes what the page changed: accounts before the subscriptions they own, the rows before their history. */
  async flush(): Promise<void> {
    const { sequelize } = this.database;
    await insertRows(sequelize, 'accounts', this.newAccounts, this.transaction);
    const inserted: Row[] = [];
    for (const [id, held] of this.held) {
      if (!held.written || !held.subscription) continue;
      const { accountId, planId, name, state } = held.subscription;
      const values = { account_id: accountId, plan_id: planId, name, state, updated_at: held.written.updatedAt };
      if (!held.stored) inserted.push({ id, ...values, created_at: held.written.createdAt });
      else await updateRow(this.database, 'subscriptions', { id }, values, this.transaction);
    }
    await insertRows(sequelize, 'subscriptions', inserted, this.transaction);
    await insertRows(sequelize, 'subscription_state_changes', this.stateChanges, this.transaction);
    await insertRows(sequelize, 'subscription_plan_changes', this.planChanges, this.transaction);
    await this.marks.flush();
  }

  private async heldOf(id: string): Promise<Held> {
    if (!this.held.has(id)) await this.loadSubscriptions([id]);
    return this.held.get(id)!;
  }

  private async loadSubscriptions(ids: readonly string[]): Promise<void> {
    const lock = LOCK_ROWS[this.database.dialect];
    const list = this.list(ids);
    const rows = await this.select<Parameters<typeof toSubscription>[0]>(
      `SELECT id, account_id, plan_id, name, state FROM subscriptions${lock?.hint ?? ''} WHERE id IN ${list}${lock?.suffix ?? ''}`,
    );
    const changes = await this.select<{ subscription_id: string; at: Date | string }>(
      `SELECT subscription_id, MAX(changed_at) AS at FROM subscription_state_changes WHERE subscription_id IN ${list} GROUP BY subscription_id`,
    );
    const subscriptions = new Map(rows.map((row) => [row.id, toSubscription(row)]));
    const lastChanges = new Map(changes.map((row) => [row.subscription_id, readDate(row.at)]));
    for (const id of ids) {
      const subscription = subscriptions.get(id);
      this.held.set(id, { subscription, stored: subscription !== undefined, lastStateChangeAt: lastChanges.get(id) });
    }
  }

  private select<T extends object>(sql: string): Promise<T[]> {
    return select<T>(this.database.sequelize, sql, this.transaction);
  }

  private list(values: readonly string[]): string {
    return sqlList(this.database.sequelize, values);
  }
}
