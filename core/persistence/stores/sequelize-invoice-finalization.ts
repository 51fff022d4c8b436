import { Op, type Transaction } from 'sequelize';
import type { Invoice } from '../../invoicing/invoice';
import type { NumberFormat } from '../../invoicing/invoice-store';
import { fail, ok, type Result } from '../../shared/result';
import type { Database } from '../database';
import { toInvoice, type InvoiceModels, type InvoiceRow, type LineRow } from './sequelize-invoice-models';
import { SEQUENCE, takeNumbers } from './sequelize-invoice-sequence';
import { chunks, sqlList } from './sequelize-usage-sql';

/**
 * Numbers the drafts among `invoiceIds` inside the caller's transaction, in the order given, from
 * one block of the sequence: the invoices are locked first (in id order, so two finalizers never
 * wait on each other in a cycle), then the sequence row, as the single finalization does.
 * Finalized invoices are answered unchanged and void ones refused.
 */
export async function finalizeIn(
  database: Database,
  models: InvoiceModels,
  invoiceIds: readonly string[],
  format: NumberFormat,
  at: Date,
  transaction: Transaction,
  lock: Transaction['LOCK'][keyof Transaction['LOCK']] | undefined,
): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>[]> {
  const distinct = [...new Set(invoiceIds)];
  const rows = new Map<string, InvoiceRow>();
  for (const chunk of chunks([...distinct].sort())) {
    const found = await models.invoices.findAll({ where: { id: { [Op.in]: chunk } }, order: [['id', 'ASC']], transaction, lock });
    for (const row of found) rows.set(row.get().id, row.get());
  }
  const drafts = distinct.filter((id) => rows.get(id)?.status === 'draft');
  if (drafts.length > 0) {
    const first = await takeNumbers(database, SEQUENCE, drafts.length, at, transaction);
    const numbers = new Map(drafts.map((id, i) => [id, `${format.prefix}${(first + BigInt(i)).toString().padStart(format.digits, '0')}`]));
    for (const chunk of chunks(drafts)) {
      const sequelize = database.sequelize;
      const cases = chunk.map((id) => `WHEN ${sequelize.escape(id)} THEN ${sequelize.escape(numbers.get(id)!)}`).join(' ');
      await sequelize.query(
        `UPDATE invoices SET status = 'finalized', number = CASE id ${cases} END, finalized_at = :at, updated_at = :at WHERE id IN ${sqlList(sequelize, chunk)}`,
        { replacements: { at }, transaction },
      );
    }
    for (const id of drafts) rows.set(id, { ...rows.get(id)!, status: 'finalized', number: numbers.get(id)!, finalized_at: at, updated_at: at });
  }
  const lines = new Map<string, LineRow[]>();
  for (const chunk of chunks(distinct.filter((id) => rows.get(id)?.status === 'finalized'))) {
    for (const line of await models.lines.findAll({ where: { invoice_id: { [Op.in]: chunk } }, transaction })) {
      const row = line.get();
      lines.set(row.invoice_id, [...(lines.get(row.invoice_id) ?? []), row]);
    }
  }
  return invoiceIds.map((id) => {
    const row = rows.get(id);
    if (!row) return fail('invoice_not_found');
    if (row.status === 'void') return fail('invoice_void', 'A void invoice cannot be finalized');
    return ok(toInvoice(row, lines.get(id) ?? []));
  });
}
