import { inject, injectable } from 'inversify';
import type { Adjustment, AdjustmentLine, ChargeLine, InvoiceContext, LineAdjuster, LoadedLineAdjuster } from '../promotions/line-adjuster';
import { applyCredits, type GrantBalance } from './apply-credits';
import { balancesFrom } from './credit-balance';
import type { MonetaryGrant } from './credit-grant';
import { CreditStore } from './credit-store';

/** Stage 4: monetary credits, subscription grants before the team pool (see `AdjustInvoiceDraft`). */
@injectable()
export class CreditAdjuster implements LineAdjuster {
  readonly stage = 40;
  readonly name = 'credits';

  constructor(@inject(CreditStore) private readonly credits: CreditStore) {}

  async load(accountIds: readonly string[]): Promise<LoadedLineAdjuster> {
    const grants = await this.credits.grantsOfMany(accountIds);
    const ledgers = await this.credits.ledgerOfMany(accountIds);
    return {
      adjust: (charges: readonly ChargeLine[], earlier: readonly AdjustmentLine[], context: InvoiceContext): Adjustment => {
        const monetary = (grants.get(context.accountId) ?? []).filter((g): g is MonetaryGrant => g.kind === 'monetary');
        // This invoice's own rows are left out: a re-built draft sees the balance it saw the first time.
        const balances = balancesFrom(ledgers.get(context.accountId) ?? [], context.invoiceId);
        const withBalance: GrantBalance[] = monetary.map((grant) => ({ grant, balance: balances.get(grant.id) ?? grant.amount }));
        return applyCredits(charges, earlier, withBalance, context);
      },
    };
  }
}
