import { inject, injectable } from 'inversify';
import type { Result } from '../shared/result';
import { Clock } from '../time/clock';
import type { Invoice } from './invoice';
import { InvoiceStore } from './invoice-store';
import { InvoicingSettings } from './invoicing-settings';

/** Draft → finalized: numbered from the invoice sequence, and never changed again. */
@injectable()
export class FinalizeInvoice {
  constructor(
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(InvoicingSettings) private readonly settings: InvoicingSettings,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  /** Numbers a draft (`INV-000042`). Finalizing a finalized invoice answers it unchanged, with its number. */
  async finalize(invoiceId: string): Promise<Result<Invoice, 'invoice_not_found' | 'invoice_void'>> {
    return this.invoices.finalize(invoiceId, { prefix: this.settings.numberPrefix, digits: this.settings.numberDigits }, this.clock.now());
  }
}
