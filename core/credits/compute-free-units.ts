import { inject, injectable } from 'inversify';
import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import type { FreeUnitsGrant } from './credit-grant';
import { CreditStore } from './credit-store';
import { freeUnitsFor, type FreeUnits, type MeterQuantity } from './free-units';

export interface FreeUnitsRequest {
  readonly accountId: string;
  /** The draft the quantities are for: the ledger rows name it. */
  readonly invoiceId: string;
  readonly period: BillingPeriod;
  /** Each subscription's total per meter over the period, before rating. */
  readonly quantities: readonly MeterQuantity[];
}

/**
 * Stage 1 of the application order: the units to subtract per subscription and meter before the
 * engine rates them. Writes nothing; the returned ledger rows go to `RecordCreditUses` on finalize.
 */
@injectable()
export class ComputeFreeUnits {
  constructor(@inject(CreditStore) private readonly credits: CreditStore) {}

  async compute(request: FreeUnitsRequest): Promise<FreeUnits> {
    const grants = (await this.credits.grantsOf(request.accountId)).filter((g): g is FreeUnitsGrant => g.kind === 'free-units');
    return freeUnitsFor(request.quantities, grants, request.period, request.invoiceId);
  }
}
