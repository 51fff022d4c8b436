import { inject, injectable } from 'inversify';
import type { Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { Invoice } from './invoice';
import { InvoiceStore } from './invoice-store';
import { ReverseCreditUses } from '../credits/reverse-credit-uses';

/**
 * Voids a finalized invoice: it keeps its number and lines (the sequence stays gapless, the
 * document stays on record), and its period is free again, so the next run builds a new draft
 * for it. A draft is not voided: the run rebuilds drafts anyway.
 */
@injectable()
export class VoidInvoice {
  constructor(
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(ReverseCreditUses) private readonly credits: ReverseCreditUses,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /** Voiding a void invoice answers it unchanged. The credit it used goes back to its grants (reversal rows). */
  async void(invoiceId: string): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_not_finalized'>> {
    const voided = await this.invoices.markVoid(invoiceId, this.clock.now());
    if (voided.ok) await this.credits.reverse(invoiceId);
    return voided;
  }
}
