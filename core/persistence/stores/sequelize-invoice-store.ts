import { inject, injectable } from 'inversify';
import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import type { BillingPeriod } from '../../billing-cycles/billing-cycle';
import type { Invoice, InvoiceStatus, InvoiceSummary, PricedDraft } from '../../invoicing/invoice';
import type { AccountPeriod, BilledUsage, InvoiceFilter, InvoiceStore, NumberFormat } from '../../invoicing/invoice-store';
import { Decimal } from '../../money/decimal';
import { fail, ok, type Result } from '../../shared/result';
import { Database } from '../database';
import { writeDrafts } from './sequelize-invoice-drafts';
import { finalizeIn } from './sequelize-invoice-finalization';
import { liveKey } from './sequelize-invoice-key';
import { defineInvoiceModels, toInvoice, toSummary, type InvoiceModels, type InvoiceRow, type LineRow } from './sequelize-invoice-models';
import { SEQUENCE, ensureSequence } from './sequelize-invoice-sequence';
import { chunks } from './sequelize-usage-sql';


/**
 * Invoices and their lines. On SQLite every write transaction of this store runs one after the
 * other in this process: Sequelize gives each SQLite transaction its own connection, and of two
 * writers that both read before they write, one fails with SQLITE_BUSY (SQLite cannot let a
 * reader turned writer wait for a lock). SQLite is the single-process embedded
 * database, so queueing here is the whole of its concurrency story; the server databases rely on
 * row locks instead.
 */
@injectable()
export class SequelizeInvoiceStore implements InvoiceStore {
  private readonly models: InvoiceModels;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@inject(Database) private readonly database: Database) {
    this.models = defineInvoiceModels(database);
  }

  async find(invoiceId: string, transaction?: Transaction): Promise<Invoice | undefined> {
    const row = await this.models.invoices.findByPk(invoiceId, { transaction });
    if (!row) return undefined;
    const lines = await this.models.lines.findAll({ where: { invoice_id: invoiceId }, transaction });
    return toInvoice(row.get(), lines.map((l) => l.get()));
  }

  async list(filter: InvoiceFilter): Promise<Invoice[]> {
    const where: WhereOptions<InvoiceRow> = {
      ...(filter.accountId !== undefined ? { account_id: filter.accountId } : {}),
      ...(filter.status !== undefined ? { status: filter.status } : {}),
    };
    let rows = (await this.models.invoices.findAll({ where, order: [['period_from', 'DESC'], ['created_at', 'DESC'], ['id', 'ASC']] })).map((r) => r.get());
    if (filter.subscriptionId !== undefined) {
      const withLines = await this.models.lines.findAll({ attributes: ['invoice_id'], where: { subscription_id: filter.subscriptionId } });
      const ids = new Set(withLines.map((l) => l.get().invoice_id));
      rows = rows.filter((r) => ids.has(r.id));
    }
    return this.withLines(rows);
  }

  async liveFor(accountId: string, period: BillingPeriod): Promise<Invoice | undefined> {
    return (await this.liveForMany([{ accountId, period }]))[0];
  }

  async liveForMany(keys: readonly AccountPeriod[]): Promise<(Invoice | undefined)[]> {
    const wanted = keys.map((k) => liveKey(k.accountId, k.period));
    const rows: InvoiceRow[] = [];
    for (const chunk of chunks([...new Set(wanted)])) rows.push(...(await this.models.invoices.findAll({ where: { live_key: { [Op.in]: chunk } } })).map((r) => r.get()));
    const byKey = new Map((await this.withLines(rows)).map((invoice, i) => [rows[i].live_key, invoice]));
    return wanted.map((key) => byKey.get(key));
  }

  async summariesOf(accountIds: readonly string[], status: InvoiceStatus): Promise<InvoiceSummary[]> {
    const summaries: InvoiceSummary[] = [];
    for (const chunk of chunks([...new Set(accountIds)])) {
      const rows = await this.models.invoices.findAll({
        where: { account_id: { [Op.in]: chunk }, status },
        order: [['account_id', 'ASC'], ['period_from', 'DESC'], ['created_at', 'DESC'], ['id', 'ASC']],
      });
      summaries.push(...rows.map((r) => toSummary(r.get())));
    }
    return summaries;
  }

  async saveDraft(draft: PricedDraft, at: Date): Promise<Result<Invoice, 'invoice_finalized'>> {
    return (await this.saveDrafts([draft], at))[0];
  }

  async saveDrafts(drafts: readonly PricedDraft[], at: Date): Promise<Result<Invoice, 'invoice_finalized'>[]> {
    if (drafts.length === 0) return [];
    return this.serially(async () => {
      const write = () => this.database.sequelize.transaction((t) => writeDrafts(this.database, this.models, drafts, at, t, this.lock(t)));
      try {
        return await write();
      } catch (error) {
        // Two runs raced to create the same period's draft: the loser now finds it and rewrites it.
        // On InnoDB the race can surface as a deadlock instead (both took a gap lock on the missing key).
        if (!(error instanceof UniqueConstraintError) && !isDeadlock(error)) throw error;
        return write();
      }
    });
  }

  async finalize(invoiceId: string, format: NumberFormat, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>> {
    return (await this.finalizeMany([invoiceId], format, at))[0];
  }

  async finalizeMany(invoiceIds: readonly string[], format: NumberFormat, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>[]> {
    if (invoiceIds.length === 0) return [];
    await ensureSequence(this.models, SEQUENCE, at);
    return this.serially(() =>
      this.database.sequelize.transaction((transaction) => finalizeIn(this.database, this.models, invoiceIds, format, at, transaction, this.lock(transaction))),
    );
  }

  async markVoid(invoiceId: string, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_not_finalized'>> {
    return this.serially(() =>
      this.database.sequelize.transaction(async (transaction): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_not_finalized'>> => {
        const row = await this.models.invoices.findByPk(invoiceId, { transaction, lock: this.lock(transaction) });
        if (!row) return fail('invoice_not_found');
        if (row.get().status === 'draft') return fail('invoice_not_finalized', 'Only a finalized invoice is voided; a draft is rebuilt by the next run');
        if (row.get().status === 'finalized') {
          await this.models.invoices.update({ status: 'void', live_key: `void:${invoiceId}`, voided_at: at, updated_at: at }, { where: { id: invoiceId }, transaction });
        }
        return ok((await this.find(invoiceId, transaction))!);
      }),
    );
  }

  async billedUsage(accountId: string, since: Date): Promise<BilledUsage[]> {
    return (await this.billedUsageMany([accountId], since)).get(accountId) ?? [];
  }

  async billedUsageMany(accountIds: readonly string[], since: Date): Promise<Map<string, BilledUsage[]>> {
    const finalized = await this.summariesOf(accountIds, 'finalized');
    const accountOf = new Map(finalized.map((i) => [i.id, i.accountId]));
    const sums = new Map<string, Map<string, BilledUsage>>();
    for (const chunk of chunks(finalized.map((i) => i.id))) {
      const lines = await this.models.lines.findAll({
        where: { invoice_id: { [Op.in]: chunk }, kind: { [Op.in]: ['usage', 'adjustment'] }, service_from: { [Op.gte]: since } },
        order: [['id', 'ASC']],
      });
      for (const line of lines.map((l) => l.get())) {
        const accountId = accountOf.get(line.invoice_id)!;
        const ofAccount = sums.get(accountId) ?? new Map<string, BilledUsage>();
        sums.set(accountId, ofAccount);
        const from = new Date(line.service_from);
        const to = new Date(line.service_to);
        const key = [line.subscription_id, line.meter_id, from.toISOString(), to.toISOString()].join('\u0000');
        ofAccount.set(key, {
          subscriptionId: line.subscription_id ?? '',
          meterId: line.meter_id ?? '',
          servicePeriod: { from, to },
          amount: (ofAccount.get(key)?.amount ?? new Decimal(0)).plus(line.amount),
        });
      }
    }
    return new Map([...sums].map(([accountId, ofAccount]) => [accountId, [...ofAccount.values()]]));
  }

  /** The rows as invoices, their lines read with one query per chunk. */
  private async withLines(rows: readonly InvoiceRow[]): Promise<Invoice[]> {
    const lines = new Map<string, LineRow[]>();
    for (const chunk of chunks(rows.map((r) => r.id))) {
      for (const line of await this.models.lines.findAll({ where: { invoice_id: { [Op.in]: chunk } } })) {
        const row = line.get();
        const held = lines.get(row.invoice_id);
        if (held) held.push(row);
        else lines.set(row.invoice_id, [row]);
      }
    }
    return rows.map((row) => toInvoice(row, lines.get(row.id) ?? []));
  }

  private lock(transaction: Transaction) {
    return this.database.dialect === 'sqlite' ? undefined : transaction.LOCK.UPDATE;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    if (this.database.dialect !== 'sqlite') return work();
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function isDeadlock(error: unknown): boolean {
  const code = (error as { parent?: { code?: string; errno?: number } }).parent;
  return code?.code === 'ER_LOCK_DEADLOCK' || code?.code === '40P01' || code?.errno === 1213;
}
