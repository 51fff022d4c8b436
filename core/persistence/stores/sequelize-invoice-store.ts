import { createHash, randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import { Op, UniqueConstraintError, type Transaction, type WhereOptions } from 'sequelize';
import type { BillingPeriod } from '../../billing-cycles/billing-cycle';
import type { Invoice, PricedDraft } from '../../invoicing/invoice';
import type { BilledUsage, InvoiceFilter, InvoiceStore, NumberFormat } from '../../invoicing/invoice-store';
import { Decimal } from '../../money/decimal';
import { fail, ok, type Result } from '../../shared/result';
import { Database } from '../database';
import { defineInvoiceModels, lineToRow, toInvoice, type InvoiceModels, type InvoiceRow } from './sequelize-invoice-models';
import { SEQUENCE, takeNextNumber, ensureSequence } from './sequelize-invoice-sequence';

/**
 * Invoices and their lines. On SQLite every write transaction of this store runs one after the
 * other in this process: Sequelize gives each SQLite transaction its own connection, and two
 * writers would fail with SQLITE_BUSY instead of waiting. SQLite is the single-process embedded
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
    let rows = await this.models.invoices.findAll({ where, order: [['period_from', 'DESC'], ['created_at', 'DESC'], ['id', 'ASC']] });
    if (filter.subscriptionId !== undefined) {
      const withLines = await this.models.lines.findAll({ attributes: ['invoice_id'], where: { subscription_id: filter.subscriptionId } });
      const ids = new Set(withLines.map((l) => l.get().invoice_id));
      rows = rows.filter((r) => ids.has(r.get().id));
    }
    if (rows.length === 0) return [];
    const lines = await this.models.lines.findAll({ where: { invoice_id: { [Op.in]: rows.map((r) => r.get().id) } } });
    return rows.map((r) => toInvoice(r.get(), lines.map((l) => l.get()).filter((l) => l.invoice_id === r.get().id)));
  }

  async liveFor(accountId: string, period: BillingPeriod): Promise<Invoice | undefined> {
    const row = await this.models.invoices.findOne({ where: { live_key: liveKey(accountId, period) } });
    return row ? this.find(row.get().id) : undefined;
  }

  async saveDraft(draft: PricedDraft, at: Date): Promise<Result<Invoice, 'invoice_finalized'>> {
    return this.serially(async () => {
      try {
        return await this.database.sequelize.transaction((t) => this.saveDraftIn(draft, at, t));
      } catch (error) {
        // Two runs raced to create the same period's draft: the loser now finds it and rewrites it.
        // On InnoDB the race can surface as a deadlock instead (both took a gap lock on the missing key).
        if (!(error instanceof UniqueConstraintError) && !isDeadlock(error)) throw error;
        return this.database.sequelize.transaction((t) => this.saveDraftIn(draft, at, t));
      }
    });
  }

  private async saveDraftIn(draft: PricedDraft, at: Date, transaction: Transaction): Promise<Result<Invoice, 'invoice_finalized'>> {
    const key = liveKey(draft.accountId, draft.period);
    const existing = await this.models.invoices.findOne({ where: { live_key: key }, transaction, lock: this.lock(transaction) });
    if (existing && existing.get().status !== 'draft') return fail('invoice_finalized', `Invoice ${existing.get().number} already bills this period`);
    const totals = { currency: draft.currency, subtotal: draft.subtotal.toString(), tax: draft.tax.toString(), total: draft.total.toString(), updated_at: at };
    const id = existing?.get().id ?? randomUUID();
    if (existing) {
      await this.models.invoices.update(totals, { where: { id }, transaction });
      await this.models.lines.destroy({ where: { invoice_id: id }, transaction });
    } else {
      await this.models.invoices.create(
        { id, account_id: draft.accountId, period_from: draft.period.from, period_to: draft.period.to, live_key: key, status: 'draft', number: null, ...totals, created_at: at, finalized_at: null, voided_at: null },
        { transaction },
      );
    }
    if (draft.lines.length > 0) await this.models.lines.bulkCreate(draft.lines.map((l) => lineToRow(id, l)), { transaction });
    return ok((await this.find(id, transaction))!);
  }

  async finalize(invoiceId: string, format: NumberFormat, at: Date): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>> {
    await ensureSequence(this.models, SEQUENCE, at);
    return this.serially(() =>
      this.database.sequelize.transaction(async (transaction): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>> => {
        // Locking the invoice first: a second finalizer of the same invoice waits here, then finds it finalized.
        const row = await this.models.invoices.findByPk(invoiceId, { transaction, lock: this.lock(transaction) });
        if (!row) return fail('invoice_not_found');
        if (row.get().status === 'void') return fail('invoice_void', 'A void invoice cannot be finalized');
        if (row.get().status === 'finalized') return ok((await this.find(invoiceId, transaction))!);
        const value = await takeNextNumber(this.database, SEQUENCE, at, transaction);
        const number = `${format.prefix}${value.padStart(format.digits, '0')}`;
        await this.models.invoices.update({ status: 'finalized', number, finalized_at: at, updated_at: at }, { where: { id: invoiceId }, transaction });
        return ok((await this.find(invoiceId, transaction))!);
      }),
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
    const finalized = await this.models.invoices.findAll({ attributes: ['id'], where: { account_id: accountId, status: 'finalized' } });
    if (finalized.length === 0) return [];
    const lines = await this.models.lines.findAll({
      where: { invoice_id: { [Op.in]: finalized.map((r) => r.get().id) }, kind: { [Op.in]: ['usage', 'adjustment'] }, service_from: { [Op.gte]: since } },
    });
    const sums = new Map<string, BilledUsage>();
    for (const line of lines.map((l) => l.get())) {
      const from = new Date(line.service_from);
      const to = new Date(line.service_to);
      const key = [line.subscription_id, line.meter_id, from.toISOString(), to.toISOString()].join('\u0000');
      const held = sums.get(key);
      sums.set(key, {
        subscriptionId: line.subscription_id ?? '',
        meterId: line.meter_id ?? '',
        servicePeriod: { from, to },
        amount: (held?.amount ?? new Decimal(0)).plus(line.amount),
      });
    }
    return [...sums.values()];
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

/** The unique key of the live invoice of (account, period): a hash, so it fits any index. */
export function liveKey(accountId: string, period: BillingPeriod): string {
  return createHash('sha256').update(`${accountId}|${period.from.toISOString()}|${period.to.toISOString()}`).digest('hex');
}

function isDeadlock(error: unknown): boolean {
  const code = (error as { parent?: { code?: string; errno?: number } }).parent;
  return code?.code === 'ER_LOCK_DEADLOCK' || code?.errno === 1213 || code?.code === '40P01';
}
