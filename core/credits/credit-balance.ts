import { Decimal } from '../money/decimal';
import type { LedgerEntry } from './credit-grant';

/**
 * Each monetary grant's balance: the sum of its money rows in the ledger. Rows of `exceptInvoiceId`
 * are left out, so a draft that is built again after (or while) it was recorded sees the balance
 * as it was before that invoice, and uses the same credit again rather than more of it.
 */
export function balancesFrom(ledger: readonly LedgerEntry[], exceptInvoiceId?: string): Map<string, Decimal> {
  const balances = new Map<string, Decimal>();
  for (const row of ledger) {
    if (row.currency === null) continue;
    if (exceptInvoiceId !== undefined && row.invoiceId === exceptInvoiceId) continue;
    balances.set(row.grantId, (balances.get(row.grantId) ?? new Decimal(0)).plus(row.amount));
  }
  return balances;
}
