/**
 * Where an account stands with us. `good` and `overdue` follow payments; the two suspended
 * standings differ in who may lift them: dunning lifts its own, only an admin lifts an admin's.
 */
export type Standing = 'good' | 'overdue' | 'suspended-nonpayment' | 'suspended-admin';
export const STANDINGS: readonly Standing[] = ['good', 'overdue', 'suspended-nonpayment', 'suspended-admin'];

/** Who is billed: a WAP user, the account admin of its subscriptions. */
export interface Account {
  /** WAP's user name (an e-mail address), lower-cased: WAP compares user names without case. */
  readonly id: string;
  /** ISO 4217 code. */
  readonly currency: string;
  /** IANA zone the account's invoices are dated in. */
  readonly timeZone: string;
  /** Day of the month (1–28) a monthly cycle starts on. */
  readonly billCycleDay: number;
  readonly standing: Standing;
}

/** WAP user names are case-insensitive; one account per user whatever the casing of a call. */
export function accountIdOf(wapUserName: string): string {
  return wapUserName.trim().toLowerCase();
}
