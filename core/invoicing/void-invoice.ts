import { inject, injectable } from 'inversify';
import type { Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { Invoice } from './invoice';
import { InvoiceStore } from './invoice-store';

/**
 * Voids a finalized invoice: it keeps its number and lines (the sequence stays gapless, the
 * document stays on record), and its period is free again, so the next run builds a new draft
 * for it. A draft is not voided: the run rebuilds drafts anyway.
 */
@injectable()
export class VoidInvoice {
  constructor(
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /** Voiding a void invoice answers it unchanged. */
  async void(invoiceId: string): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_not_finalized'>> {
    return this.invoices.markVoid(invoiceId, this.clock.now());
  }
}
