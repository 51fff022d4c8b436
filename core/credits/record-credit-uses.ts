import { inject, injectable } from 'inversify';
import { Decimal } from '../money/decimal';
import type { LedgerEntryDraft } from '../promotions/line-adjuster';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { balancesFrom } from './credit-balance';
import { CreditStore } from './credit-store';

/**
 * Writes the ledger rows of a finalized invoice (credit lines' from `AdjustInvoiceDraft`, usage lines' free units).
 * Idempotent per (grant, invoice): finalizing again, or recording the rows of a draft built twice,
 * uses each grant once. Refuses with `insufficient_credit` (writing nothing) when another invoice
 * used the balance since the draft was built: the engine re-builds the draft and tries again.
 * Invoice runs hold the `invoice-run` lease, so two runs never race here.
 */
@injectable()
export class RecordCreditUses {
  constructor(@inject(CreditStore) private readonly credits: CreditStore, @inject(Clock) private readonly clock: Clock) {}

  async record(invoiceId: string, entries: readonly LedgerEntryDraft[]): Promise<Result<{ recorded: number }, 'insufficient_credit'>> {
    const mine = entries.filter((e) => e.invoiceId === invoiceId);
    for (const accountId of new Set(mine.map((e) => e.accountId))) {
      const balances = balancesFrom(await this.credits.ledgerOf(accountId), invoiceId);
      for (const use of mine.filter((e) => e.accountId === accountId && e.kind === 'use')) {
        const left = balances.get(use.grantId) ?? new Decimal(0);
        if (left.plus(use.amount).lt(0)) return fail('insufficient_credit', `Grant '${use.grantId}' has ${left.toString()} left, the invoice uses ${use.amount.negated().toString()}`);
      }
    }
    return ok({ recorded: await this.credits.recordUses(mine, this.clock.now()) });
  }
}
