import { inject, injectable } from 'inversify';
import { RunDueInvoices } from '../../core/invoicing/run-due-invoices';
import { Logger } from '../../core/logging/logger';
import { ResourceProviderSettings } from '../config/settings';
import { IntervalScheduler } from '../scheduling/interval-scheduler';

/**
 * Finalizes every period past its grace, every interval (what `POST /admin/invoices/run-due` does
 * on demand). Accounts with nothing to bill are outcomes, not failures; only a fault backs off.
 */
@injectable()
export class InvoiceScheduler extends IntervalScheduler {
  constructor(
    @inject(RunDueInvoices) private readonly invoices: RunDueInvoices,
    @inject(ResourceProviderSettings) settings: ResourceProviderSettings,
    @inject(Logger) logger: Logger,
  ) {
    super('invoice-run', (settings.invoiceRunIntervalMinutes ?? 0) * 60_000, logger);
  }

  protected async runJob(): Promise<boolean> {
    await this.invoices.runDue();
    return true;
  }
}
