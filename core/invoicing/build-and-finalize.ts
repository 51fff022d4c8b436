import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { FinalizeInvoice } from './finalize-invoice';
import { InvoiceRun } from './invoice-run';
import type { AccountOutcome } from './invoice-run-report';

/** The step both batch runs repeat per account: (re)build the draft, then finalize it if asked. */
@injectable()
export class BuildAndFinalize {
  constructor(
    @inject(InvoiceRun) private readonly run: InvoiceRun,
    @inject(FinalizeInvoice) private readonly finalizer: FinalizeInvoice,
  ) {}

  async process(accountId: string, period: BillingPeriod, finalize: boolean): Promise<AccountOutcome> {
    const built = await this.run.build(accountId, period);
    if (!built.ok) return { accountId, period, outcome: built.error };
    if (!finalize) return { accountId, period, outcome: 'drafted', invoice: built.value };
    const finalized = await this.finalizer.finalize(built.value.id);
    return finalized.ok ? { accountId, period, outcome: 'finalized', invoice: finalized.value } : { accountId, period, outcome: finalized.error, invoice: built.value };
  }
}
