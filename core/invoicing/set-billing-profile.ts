import { inject, injectable } from 'inversify';
import { IANAZone } from 'luxon';
import { AccountDefaults } from '../accounts/account-defaults';
import { AccountStore } from '../accounts/account-store';
import { accountIdOf } from '../accounts/account';
import { isCurrencyCode } from '../money/currency';
import { parseDecimal } from '../money/decimal';
import { fail, ok, type Result } from '../shared/result';
import { Clock } from '../time/clock';
import { BillingProfileStore, type BillingProfile } from './billing-profile';
import { cycleFromInput, type CycleInput } from './profile-cycle-input';

/** What an admin sends; absent fields keep their current value. Decimals are strings. */
export interface BillingProfileInput extends CycleInput {
  readonly currency?: string;
  readonly timeZone?: string;
  readonly taxRate?: string;
  /** null: back to the operator's default. */
  readonly gracePeriodHours?: number | null;
}

/** Sets how an account is invoiced; creates the account first when WAP has not told us of it yet. */
@injectable()
export class SetBillingProfile {
  constructor(
    @inject(BillingProfileStore) private readonly profiles: BillingProfileStore,
    @inject(AccountStore) private readonly accounts: AccountStore,
    @inject(AccountDefaults) private readonly defaults: AccountDefaults,
    @inject(Clock) private readonly clock: Clock,
  ) {}

  async set(wapUserName: string, input: BillingProfileInput): Promise<Result<BillingProfile, 'invalid_billing_profile'>> {
    const accountId = accountIdOf(wapUserName);
    await this.accounts.ensure(accountId, this.defaults);
    const current = (await this.profiles.find(accountId))!;
    const bad = (field: string, why: string) => fail('invalid_billing_profile', `${field}: ${why}`);
    if (input.currency !== undefined && !isCurrencyCode(input.currency)) return bad('currency', `'${input.currency}' is not a known ISO 4217 code`);
    if (input.timeZone !== undefined && !IANAZone.isValidZone(input.timeZone)) return bad('timeZone', `'${input.timeZone}' is not an IANA time zone`);
    if (input.billCycleDay !== undefined && !(Number.isInteger(input.billCycleDay) && input.billCycleDay >= 1 && input.billCycleDay <= 31)) {
      return bad('billCycleDay', 'must be a whole number from 1 to 31');
    }
    const timeZone = input.timeZone ?? current.timeZone;
    const chosen = cycleFromInput(input, current, timeZone);
    if (!chosen.ok) return bad(chosen.field, chosen.message);
    const taxRate = input.taxRate === undefined ? current.taxRate : typeof input.taxRate === 'string' ? parseDecimal(input.taxRate) : undefined;
    if (!taxRate || taxRate.isNegative() || taxRate.gt(1)) return bad('taxRate', 'must be a decimal string from "0" to "1", e.g. "0.20"');
    const grace = input.gracePeriodHours;
    if (grace !== undefined && grace !== null && !(Number.isInteger(grace) && grace >= 0 && grace <= 24 * 366)) {
      return bad('gracePeriodHours', 'must be a whole number of hours, or null for the default');
    }
    const profile: BillingProfile = {
      accountId,
      currency: input.currency ?? current.currency,
      timeZone,
      cycle: chosen.cycle,
      billCycleDay: chosen.cycle.kind === 'anniversary' ? chosen.cycle.billCycleDay : (input.billCycleDay ?? current.billCycleDay),
      taxRate,
      gracePeriodHours: grace === undefined ? current.gracePeriodHours : grace,
    };
    await this.profiles.save(profile, this.clock.now());
    return ok(profile);
  }
}
