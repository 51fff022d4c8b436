import { inject, injectable } from 'inversify';
import { Clock } from '../time/clock';
import type { LedgerEntry } from './credit-grant';
import { CreditStore } from './credit-store';

/**
 * Gives back what a voided invoice used: a `reversal` row for each of its use rows, which stay.
 * Idempotent: voiding twice reverses once. Call it when the engine voids a finalized invoice.
 */
@injectable()
export class ReverseCreditUses {
  constructor(@inject(CreditStore) private readonly credits: CreditStore, @inject(Clock) private readonly clock: Clock) {}

  async reverse(invoiceId: string): Promise<LedgerEntry[]> {
    return this.credits.reverseUses(invoiceId, `Invoice ${invoiceId} voided: use given back`, this.clock.now());
  }
}
