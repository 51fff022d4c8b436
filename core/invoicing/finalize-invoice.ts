import { inject, injectable } from 'inversify';
import { fail, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { LEDGER_DETAIL, type Invoice, type ReservedLedgerEntry } from './invoice';
import { InvoiceStore } from './invoice-store';
import { RecordCreditUses } from '../credits/record-credit-uses';
import { Decimal } from '../money/decimal';
import type { LedgerEntryDraft } from '../promotions/line-adjuster';
import { InvoicingSettings } from './invoicing-settings';

/** Draft → finalized: numbered from the invoice sequence, and never changed again. */
@injectable()
export class FinalizeInvoice {
  constructor(
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(RecordCreditUses) private readonly credits: RecordCreditUses,
    @inject(InvoicingSettings) private readonly settings: InvoicingSettings,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Takes the credit the draft reserved from the ledger, then numbers it (`INV-000042`). Recording
   * is idempotent per grant and invoice, so a finalization retried after a crash uses credit once.
   * Finalizing a finalized invoice answers it unchanged, with its number.
   */
  async finalize(invoiceId: string): Promise<Result<Invoice, FinalizeError>> {
    const invoice = await this.invoices.find(invoiceId);
    if (!invoice) return fail('invoice_not_found');
    return (await this.finalizeMany([invoice]))[0];
  }

  /**
   * `finalize` of invoices as just read or built, answered in their order: the credit each draft
   * reserved is taken, then every draft whose credit could be taken is numbered in one
   * transaction, in the order given.
   */
  async finalizeMany(invoices: readonly Invoice[]): Promise<Result<Invoice, FinalizeError>[]> {
    const results: (Result<Invoice, FinalizeError> | undefined)[] = [];
    for (const invoice of invoices) {
      const reserved = invoice.status === 'draft' ? reservedCredit(invoice) : [];
      const recorded = reserved.length > 0 ? await this.credits.record(invoice.id, reserved) : undefined;
      results.push(recorded && !recorded.ok ? recorded : undefined);
    }
    const toNumber = invoices.filter((_, i) => results[i] === undefined).map((i) => i.id);
    const numbered = await this.invoices.finalizeMany(toNumber, { prefix: this.settings.numberPrefix, digits: this.settings.numberDigits }, this.clock.now());
    let next = 0;
    return results.map((result) => result ?? numbered[next++]);
  }
}

export type FinalizeError = 'invoice_not_found' | 'invoice_void' | 'insufficient_credit';

/**
 * The ledger rows the draft's lines reserved (credit lines, `PromotionsAndCreditsAdjuster`; usage
 * lines' free units, `usageLines`), one per grant: the ledger keeps one use of a grant per invoice.
 */
function reservedCredit(invoice: Invoice): LedgerEntryDraft[] {
  const perGrant = new Map<string, LedgerEntryDraft>();
  for (const line of invoice.lines) {
    for (const e of (line.detail[LEDGER_DETAIL] as ReservedLedgerEntry[] | undefined) ?? []) {
      const key = `${e.grantId}\u0000${e.kind}`;
      const before = perGrant.get(key);
      const amount = new Decimal(e.amount).plus(before?.amount ?? 0);
      perGrant.set(key, { ...e, accountId: invoice.accountId, invoiceId: invoice.id, amount, description: before?.description ?? e.description });
    }
  }
  return [...perGrant.values()];
}
