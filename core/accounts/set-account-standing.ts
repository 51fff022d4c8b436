import { inject, injectable } from 'inversify';
import { fail, ok, type Result } from '../shared/result';
import { accountIdOf, STANDINGS, type Account, type Standing } from './account';
import { AccountDefaults } from './account-defaults';
import { AccountStore } from './account-store';

/**
 * Sets an account's standing (dunning, an admin, a payment connector's report). An account not
 * seen yet is created first: a payment system may know a customer before WAP sends a subscription.
 */
@injectable()
export class SetAccountStanding {
  constructor(
    @inject(AccountStore) private readonly accounts: AccountStore,
    @inject(AccountDefaults) private readonly defaults: AccountDefaults,
  ) {}

  async set(wapUserName: string, standing: Standing): Promise<Result<Account, 'invalid_standing'>> {
    if (!STANDINGS.includes(standing)) return fail('invalid_standing', `standing must be one of ${STANDINGS.join(', ')}`);
    const id = accountIdOf(wapUserName);
    await this.accounts.ensure(id, this.defaults);
    return ok((await this.accounts.setStanding(id, standing))!);
  }
}
