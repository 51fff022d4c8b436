/** What an account gets when we first see its user; the composition root binds it from the settings. */
export const AccountDefaults = Symbol('AccountDefaults');
export interface AccountDefaults {
  /** ISO 4217 code; 'USD' unless the operator set another. */
  readonly currency: string;
  readonly timeZone: string;
  readonly billCycleDay: number;
}

export const BUILT_IN_ACCOUNT_DEFAULTS: AccountDefaults = { currency: 'USD', timeZone: 'UTC', billCycleDay: 1 };
