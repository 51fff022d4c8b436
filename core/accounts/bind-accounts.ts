import type { ContainerModuleLoadOptions } from 'inversify';
import { SetAccountStanding } from './set-account-standing';

/** The store and `AccountDefaults` are bound by persistence and the composition root. */
export function bindAccounts(bind: ContainerModuleLoadOptions['bind']): void {
  bind(SetAccountStanding).toSelf().inSingletonScope();
}
