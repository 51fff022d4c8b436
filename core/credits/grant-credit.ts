import { inject, injectable } from 'inversify';
import { isCurrencyCode } from '../money/currency';
import { roundToCurrency } from '../money/round-to-currency';
import { fail, ok, type Result } from '../shared/result';
import type { CreditGrant } from './credit-grant';
import { CreditStore } from './credit-store';

/** Grants credit to an account: money (its balance) or free units of a meter per period. */
@injectable()
export class GrantCredit {
  constructor(@inject(CreditStore) private readonly credits: CreditStore) {}

  /** Idempotent by grant id: a retried grant answers `grant_exists` and writes nothing. */
  async grant(grant: CreditGrant): Promise<Result<CreditGrant, 'invalid_grant' | 'grant_exists'>> {
    const problem = problemOf(grant);
    if (problem) return fail('invalid_grant', problem);
    return (await this.credits.grant(grant)) ? ok(grant) : fail('grant_exists', `A grant '${grant.id}' exists`);
  }
}

function problemOf(grant: CreditGrant): string | undefined {
  if (!grant.id || grant.id.length > 64) return 'id must be 1–64 characters';
  if (grant.expiresAt !== null && grant.expiresAt <= grant.grantedAt) return 'expiry must be after the grant';
  if (grant.kind === 'free-units') return grant.quantityPerPeriod.gt(0) ? undefined : 'free units must be positive';
  if (!isCurrencyCode(grant.currency)) return `unknown currency '${grant.currency}'`;
  if (grant.amount.lte(0)) return 'amount must be positive';
  // A balance finer than the currency could never be used up to its last digit on an invoice.
  if (!roundToCurrency(grant.amount, grant.currency).equals(grant.amount)) return `amount has more digits than ${grant.currency} allows`;
  return undefined;
}
