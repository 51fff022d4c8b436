import type { BillingCycle } from '../billing-cycles/billing-cycle';
import type { Decimal } from '../money/decimal';

export type CycleKind = BillingCycle['kind'];

/** How one account is invoiced: the account's currency and zone with its invoicing choices. */
export interface BillingProfile {
  readonly accountId: string;
  /** ISO 4217 code, from the account. */
  readonly currency: string;
  /** IANA zone periods are cut in, from the account. */
  readonly timeZone: string;
  /** How the account's time is cut into billing periods (monthly, anniversary, weekly, every N days, quarterly, yearly). */
  readonly cycle: BillingCycle;
  /** The account's bill-cycle day (1–31): where an anniversary cycle starts; a month without it starts on its last day. */
  readonly billCycleDay: number;
  /** Fraction, "0.20" for 20 %; 0 when untaxed. */
  readonly taxRate: Decimal;
  /** Null: the operator's default from `InvoicingSettings`. */
  readonly gracePeriodHours: number | null;
}

export function cycleOf(profile: BillingProfile): BillingCycle {
  return profile.cycle;
}

export const BillingProfileStore = Symbol('BillingProfileStore');
export interface BillingProfileStore {
  /** The account's profile; an account without invoicing choices gets calendar-monthly, untaxed. Undefined for an unknown account. */
  find(accountId: string): Promise<BillingProfile | undefined>;
  /** `find` for many accounts at once, by account id; unknown accounts are absent. */
  findMany(accountIds: readonly string[]): Promise<Map<string, BillingProfile>>;
  /** Writes the profile and the account's currency, zone and bill-cycle day in one transaction; idempotent. */
  save(profile: BillingProfile, at: Date): Promise<void>;
}
