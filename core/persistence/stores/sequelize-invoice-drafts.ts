import { randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import type { Invoice, PricedDraft } from '../../invoicing/invoice';
import { fail, ok, type Result } from '../../shared/result';
import type { Database } from '../database';
import { liveKey } from './sequelize-invoice-key';
import { lineToRow, storedDescription, toSummary, type InvoiceModels, type InvoiceRow, type LineRow } from './sequelize-invoice-models';
import { chunks, insertRows } from './sequelize-usage-sql';

/**
 * Creates or rewrites the drafts of distinct (account, period)s inside the caller's transaction:
 * the live rows of those keys are read (and locked, where the dialect locks) at once, a draft there
 * keeps its id and gets its totals and lines replaced, a finalized one refuses, and every new
 * invoice and line is inserted with multi-row INSERTs.
 */
export async function writeDrafts(
  database: Database,
  models: InvoiceModels,
  drafts: readonly PricedDraft[],
  at: Date,
  transaction: Transaction,
  lock: Transaction['LOCK'][keyof Transaction['LOCK']] | undefined,
): Promise<Result<Invoice, 'invoice_finalized'>[]> {
  const keys = drafts.map((d) => liveKey(d.accountId, d.period));
  const live = new Map<string, InvoiceRow>();
  for (const chunk of chunks([...new Set(keys)].sort())) {
    const rows = await models.invoices.findAll({ where: { live_key: { [Op.in]: chunk } }, order: [['live_key', 'ASC']], transaction, lock });
    for (const row of rows) live.set(row.get().live_key, row.get());
  }
  const created: InvoiceRow[] = [];
  const rewritten: InvoiceRow[] = [];
  const lines: LineRow[] = [];
  const results = drafts.map((draft, i): Result<Invoice, 'invoice_finalized'> => {
    const held = live.get(keys[i]);
    if (held && held.status !== 'draft') return fail('invoice_finalized', `Invoice ${held.number} already bills this period`);
    const totals = { currency: draft.currency, subtotal: draft.subtotal.toString(), tax: draft.tax.toString(), total: draft.total.toString(), updated_at: at };
    const row: InvoiceRow = held
      ? { ...held, ...totals }
      : { id: randomUUID(), account_id: draft.accountId, period_from: draft.period.from, period_to: draft.period.to, live_key: keys[i], status: 'draft', number: null, ...totals, created_at: at, finalized_at: null, voided_at: null };
    (held ? rewritten : created).push(row);
    lines.push(...draft.lines.map((l) => lineToRow(row.id, l)));
    // The lines as given, not parsed back from the rows: the same values, without a JSON round trip per line.
    return ok({ ...toSummary(row), lines: draft.lines.map((l) => ({ ...l, description: storedDescription(l.description) })) });
  });
  for (const row of rewritten) {
    const { currency, subtotal, tax, total, updated_at } = row;
    await models.invoices.update({ currency, subtotal, tax, total, updated_at }, { where: { id: row.id }, transaction });
  }
  for (const chunk of chunks(rewritten.map((r) => r.id))) await models.lines.destroy({ where: { invoice_id: { [Op.in]: chunk } }, transaction });
  await insertRows(database.sequelize, 'invoices', created.map((row) => ({ ...row })), transaction);
  await insertRows(database.sequelize, 'invoice_lines', lines.map((row) => ({ ...row })), transaction);
  return results;
}
