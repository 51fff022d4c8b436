import type { LedgerEntryDraft } from '../promotions/line-adjuster';
import type { CreditGrant, LedgerEntry } from './credit-grant';

export const CreditStore = Symbol('CreditStore');
export interface CreditStore {
  /**
   * Stores a grant and its `grant` ledger row (the amount, or the units per period) together;
   * false when the id is taken, and then nothing is written.
   */
  grant(grant: CreditGrant): Promise<boolean>;
  grantsOf(accountId: string): Promise<CreditGrant[]>;
  /** The grants of many accounts, each account's in the order `grantsOf` gives, by account id. */
  grantsOfMany(accountIds: readonly string[]): Promise<Map<string, CreditGrant[]>>;
  /** The account's ledger, oldest first. */
  ledgerOf(accountId: string): Promise<LedgerEntry[]>;
  /** The ledgers of many accounts, each oldest first, by account id. */
  ledgerOfMany(accountIds: readonly string[]): Promise<Map<string, LedgerEntry[]>>;
  /**
   * Appends use rows. Idempotent per (grant, invoice, kind): a row already recorded for that key is
   * skipped (a unique key decides, also between concurrent callers). Returns how many were new.
   */
  recordUses(entries: readonly LedgerEntryDraft[], at: Date): Promise<number>;
  /**
   * Appends one `reversal` row per use row of `invoiceId` that has none yet, giving the amount
   * back; the use rows stay. Returns the reversals written now.
   */
  reverseUses(invoiceId: string, description: string, at: Date): Promise<LedgerEntry[]>;
}
