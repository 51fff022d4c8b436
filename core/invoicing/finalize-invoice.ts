import { inject, injectable } from 'inversify';
import type { Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { Invoice } from './invoice';
import { InvoiceStore } from './invoice-store';
import { RecordCreditUses } from '../credits/record-credit-uses';
import { Decimal } from '../money/decimal';
import type { LedgerEntryDraft } from '../promotions/line-adjuster';
import { LEDGER_DETAIL } from './promotions-and-credits-adjuster';
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
  async finalize(invoiceId: string): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void' | 'insufficient_credit'>> {
    const draft = await this.invoices.find(invoiceId);
    if (draft?.status === 'draft') {
      const recorded = await this.credits.record(invoiceId, reservedCredit(draft));
      if (!recorded.ok) return recorded;
    }
    return this.invoices.finalize(invoiceId, { prefix: this.settings.numberPrefix, digits: this.settings.numberDigits }, this.clock.now());
  }
}

/** The ledger rows the draft's credit lines reserved (see `PromotionsAndCreditsAdjuster`), for this invoice. */
function reservedCredit(invoice: Invoice): LedgerEntryDraft[] {
  return invoice.lines.flatMap((line) => {
    const reserved = line.detail[LEDGER_DETAIL] as { grantId: string; kind: 'use' | 'free-units-use'; amount: string; currency: string | null; meterId: string | null; description: string }[] | undefined;
    return (reserved ?? []).map((e) => ({ ...e, accountId: invoice.accountId, invoiceId: invoice.id, amount: new Decimal(e.amount) }));
  });
}
