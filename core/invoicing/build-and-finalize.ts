import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { Logger } from '../logging/logger';
import { FinalizeInvoice } from './finalize-invoice';
import { InvoiceRun } from './invoice-run';
import type { AccountOutcome } from './invoice-run-report';
import type { AccountPeriod } from './invoice-store';

/** The step both batch runs repeat per chunk of accounts: (re)build the drafts, then finalize them if asked. */
@injectable()
export class BuildAndFinalize {
  constructor(
    @inject(InvoiceRun) private readonly run: InvoiceRun,
    @inject(FinalizeInvoice) private readonly finalizer: FinalizeInvoice,
    @inject(Logger) private readonly logger: Logger,
  ) {}

  async process(accountId: string, period: BillingPeriod, finalize: boolean): Promise<AccountOutcome> {
    return (await this.processMany([{ accountId, period }], finalize))[0];
  }

  /**
   * `process` of one period per account, answered in their order. When the batch fails as a
   * whole (a database error), each account is tried alone, so one account's fault costs only its
   * own invoice: it is reported as `failed` and the others go on.
   */
  async processMany(requests: readonly AccountPeriod[], finalize: boolean): Promise<AccountOutcome[]> {
    try {
      return await this.buildAndFinalize(requests, finalize);
    } catch (error) {
      if (requests.length === 1) throw error;
      const outcomes: AccountOutcome[] = [];
      for (const request of requests) {
        try {
          outcomes.push(...(await this.buildAndFinalize([request], finalize)));
        } catch (alone) {
          this.logger.error({ accountId: request.accountId, err: alone }, 'invoice not built');
          outcomes.push({ ...request, outcome: 'failed' });
        }
      }
      return outcomes;
    }
  }

  private async buildAndFinalize(requests: readonly AccountPeriod[], finalize: boolean): Promise<AccountOutcome[]> {
    const built = await this.run.buildMany(requests);
    const drafts = built.flatMap((b) => (b.ok ? [b.value] : []));
    const finalized = finalize ? await this.finalizer.finalizeMany(drafts) : [];
    let next = 0;
    return requests.map(({ accountId, period }, i): AccountOutcome => {
      const b = built[i];
      if (!b.ok) return { accountId, period, outcome: b.error };
      if (!finalize) return { accountId, period, outcome: 'drafted', invoice: b.value };
      const f = finalized[next++];
      return f.ok ? { accountId, period, outcome: 'finalized', invoice: f.value } : { accountId, period, outcome: f.error, invoice: b.value };
    });
  }
}
