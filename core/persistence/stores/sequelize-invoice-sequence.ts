import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import type { Database } from '../database';
import type { InvoiceModels } from './sequelize-invoice-models';

/** The one sequence invoice numbers come from; the prefix is applied when formatting. */
export const SEQUENCE = 'invoice';

/** Creates the sequence row at 1 if it is missing, outside any transaction (a lost race is fine). */
export async function ensureSequence(models: InvoiceModels, name: string, at: Date): Promise<void> {
  if (await models.sequences.findByPk(name)) return;
  try {
    await models.sequences.create({ name, next_value: 1, updated_at: at });
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
  }
}

/**
 * Takes the next `count` values inside the caller's transaction and answers the first; the block
 * is `first … first + count - 1`. The UPDATE comes first: it takes the row lock, so a concurrent
 * finalizer blocks on it until this transaction ends, then increments the committed value. Reading
 * after our own UPDATE sees our value on every dialect (PostgreSQL reads committed plus own writes;
 * InnoDB's snapshot includes the transaction's own changes). A rollback undoes the increment, so no
 * number is ever skipped.
 */
export async function takeNumbers(database: Database, name: string, count: number, at: Date, transaction: Transaction): Promise<bigint> {
  await database.sequelize.query('UPDATE invoice_sequences SET next_value = next_value + :count, updated_at = :at WHERE name = :name', {
    replacements: { name, at, count },
    transaction,
  });
  const [row] = await database.sequelize.query<{ next_value: number | string }>('SELECT next_value FROM invoice_sequences WHERE name = :name', {
    replacements: { name },
    transaction,
    type: QueryTypes.SELECT,
  });
  return BigInt(String(row.next_value)) - BigInt(count);
}
