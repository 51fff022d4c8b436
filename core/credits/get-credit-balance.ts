import { inject, injectable } from 'inversify';
import { Decimal } from '../money/decimal';
import { balancesFrom } from './credit-balance';
import type { MonetaryGrant } from './credit-grant';
import { CreditStore } from './credit-store';

export interface CreditBalance {
  readonly grants: readonly { readonly grant: MonetaryGrant; readonly balance: Decimal; readonly expired: boolean }[];
  /** The sum of the unexpired balances in `currency`. */
  readonly available: Decimal;
}

/** An account's monetary credit as the ledger has it now, for the portals. */
@injectable()
export class GetCreditBalance {
  constructor(@inject(CreditStore) private readonly credits: CreditStore) {}

  async balanceOf(accountId: string, currency: string, at: Date): Promise<CreditBalance> {
    const balances = balancesFrom(await this.credits.ledgerOf(accountId));
    const grants = (await this.credits.grantsOf(accountId))
      .filter((g): g is MonetaryGrant => g.kind === 'monetary' && g.currency === currency)
      .map((grant) => ({ grant, balance: balances.get(grant.id) ?? new Decimal(0), expired: grant.expiresAt !== null && grant.expiresAt <= at }));
    const available = grants.filter((g) => !g.expired).reduce((sum, g) => sum.plus(g.balance), new Decimal(0));
    return { grants, available };
  }
}
