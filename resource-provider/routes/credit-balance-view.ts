import { inject, injectable } from 'inversify';
import { AccountDefaults } from '../../core/accounts/account-defaults';
import { AccountStore } from '../../core/accounts/account-store';
import { GetCreditBalance } from '../../core/credits/get-credit-balance';
import { Clock } from '../../core/time/clock';
import { balanceJson } from './credit-bodies';

/** An account's monetary credit in the account's own currency, as both the admin and the tenant routes show it. */
@injectable()
export class CreditBalanceView {
  constructor(
    @inject(AccountStore) private readonly accounts: AccountStore,
    @inject(AccountDefaults) private readonly defaults: AccountDefaults,
    @inject(GetCreditBalance) private readonly balances: GetCreditBalance,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async of(accountId: string): Promise<ReturnType<typeof balanceJson>> {
    // An account WAP has not told us of yet will be invoiced in the default currency, so its credit counts in that one.
    const currency = (await this.accounts.find(accountId))?.currency ?? this.defaults.currency;
    return balanceJson(currency, await this.balances.balanceOf(accountId, currency, this.clock.now()));
  }
}
