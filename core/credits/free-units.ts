import { Decimal } from '../money/decimal';
import type { LedgerEntryDraft } from '../promotions/line-adjuster';
import { byUseOrder, isGrantUsable, type FreeUnitsGrant } from './credit-grant';

/** A subscription's metered quantity of one meter over the billing period, before rating. */
export interface MeterQuantity {
  readonly subscriptionId: string;
  readonly meterId: string;
  readonly quantity: Decimal;
}

/** Units to take off one subscription's quantity of one meter before rating it. */
export interface FreeUnitsDeduction {
  readonly subscriptionId: string;
  readonly meterId: string;
  /** Never more than the quantity used: free units larger than the usage leave a quantity of 0. */
  readonly quantity: Decimal;
  readonly grantId: string;
  /** For the invoice line or its detail: `"Free VM hours: 100 of 100 vm.runtime-hours free this period"`. */
  readonly description: string;
}

export interface FreeUnits {
  readonly deductions: readonly FreeUnitsDeduction[];
  /** One `free-units-use` row per grant, summed over subscriptions, to record when the invoice is finalized. */
  readonly ledger: readonly LedgerEntryDraft[];
}

/**
 * Stage 1 of `AdjustInvoiceDraft`'s order: the free units of `grants` against `quantities`. Pure.
 * Each subscription gets each grant's full allowance per period (an account-wide grant gives every
 * subscription its own); several grants for one meter are used earliest expiry first.
 */
export function freeUnitsFor(quantities: readonly MeterQuantity[], grants: readonly FreeUnitsGrant[], period: { from: Date; to: Date }, invoiceId: string): FreeUnits {
  const usable = grants.filter((g) => isGrantUsable(g, period)).sort(byUseOrder);
  const deductions: FreeUnitsDeduction[] = [];
  const usedPerGrant = new Map<string, { grant: FreeUnitsGrant; used: Decimal }>();
  for (const q of quantities) {
    let left = q.quantity;
    for (const grant of usable) {
      if (left.lte(0)) break;
      if (grant.meterId !== q.meterId || (grant.subscriptionId !== null && grant.subscriptionId !== q.subscriptionId)) continue;
      const take = Decimal.min(left, grant.quantityPerPeriod);
      left = left.minus(take);
      deductions.push({
        subscriptionId: q.subscriptionId, meterId: q.meterId, quantity: take, grantId: grant.id,
        description: `${grant.description}: ${take.toString()} of ${grant.quantityPerPeriod.toString()} ${q.meterId} free this period`,
      });
      const entry = usedPerGrant.get(grant.id) ?? { grant, used: new Decimal(0) };
      usedPerGrant.set(grant.id, { grant, used: entry.used.plus(take) });
    }
  }
  const ledger: LedgerEntryDraft[] = [...usedPerGrant.values()].map(({ grant, used }) => ({
    grantId: grant.id, accountId: grant.accountId, invoiceId, kind: 'free-units-use', amount: used.negated(),
    currency: null, meterId: grant.meterId, description: `${used.toString()} ${grant.meterId} free on invoice ${invoiceId}`,
  }));
  return { deductions, ledger };
}
