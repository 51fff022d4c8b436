import type { Account, Standing } from './account';
import type { AccountDefaults } from './account-defaults';

export const AccountStore = Symbol('AccountStore');
export interface AccountStore {
  find(accountId: string): Promise<Account | undefined>;
  /** The account, created with `defaults` and standing `good` when absent; two racing calls leave one row. */
  ensure(accountId: string, defaults: AccountDefaults): Promise<Account>;
  /** Changes the standing of an existing account; answers undefined when there is none. */
  setStanding(accountId: string, standing: Standing): Promise<Account | undefined>;
}
