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
 * What is left of each free-units grant for each subscription in one billing period. Each
 * subscription gets each grant's full allowance per period (an account-wide grant gives every
 * subscription its own); several grants for one meter are used earliest expiry first. Quantities
 * of one subscription taken one after another share its allowance: a subscription moved to another
 * plan mid-period has its usage rated in two parts, and gets the allowance once.
 */
export class FreeUnitsAllowance {
  private readonly usable: readonly FreeUnitsGrant[];
  private readonly taken = new Map<string, Decimal>();

  constructor(grants: readonly FreeUnitsGrant[], period: { from: Date; to: Date }) {
    this.usable = grants.filter((g) => isGrantUsable(g, period)).sort(byUseOrder);
  }

  /** The units of `quantity` that are free, per grant; what they leave is rated. */
  take(subscriptionId: string, meterId: string, quantity: Decimal): FreeUnitsDeduction[] {
    const deductions: FreeUnitsDeduction[] = [];
    let left = quantity;
    for (const grant of this.usable) {
      if (left.lte(0)) break;
      if (grant.meterId !== meterId || (grant.subscriptionId !== null && grant.subscriptionId !== subscriptionId)) continue;
      const key = `${grant.id}\u0000${subscriptionId}`;
      const already = this.taken.get(key) ?? new Decimal(0);
      const take = Decimal.min(left, grant.quantityPerPeriod.minus(already));
      if (take.lte(0)) continue;
      this.taken.set(key, already.plus(take));
      left = left.minus(take);
      deductions.push({
        subscriptionId, meterId, quantity: take, grantId: grant.id,
        description: `${grant.description}: ${take.toString()} of ${grant.quantityPerPeriod.toString()} ${meterId} free this period`,
      });
    }
    return deductions;
  }
}

/** One `free-units-use` ledger row per grant among `deductions`, summed over subscriptions. */
export function freeUnitsLedger(deductions: readonly FreeUnitsDeduction[], grants: readonly FreeUnitsGrant[], invoiceId: string): LedgerEntryDraft[] {
  const used = new Map<string, Decimal>();
  for (const d of deductions) used.set(d.grantId, (used.get(d.grantId) ?? new Decimal(0)).plus(d.quantity));
  return [...used].map(([grantId, quantity]) => {
    const grant = grants.find((g) => g.id === grantId)!;
    return {
      grantId, accountId: grant.accountId, invoiceId, kind: 'free-units-use', amount: quantity.negated(),
      currency: null, meterId: grant.meterId, description: `${grant.description}: ${quantity.toString()} ${grant.meterId} free`,
    };
  });
}

/** Stage 1 of `AdjustInvoiceDraft`'s order: the free units of `grants` against `quantities`, in order. Pure. */
export function freeUnitsFor(quantities: readonly MeterQuantity[], grants: readonly FreeUnitsGrant[], period: { from: Date; to: Date }, invoiceId: string): FreeUnits {
  const allowance = new FreeUnitsAllowance(grants, period);
  const deductions = quantities.flatMap((q) => allowance.take(q.subscriptionId, q.meterId, q.quantity));
  return { deductions, ledger: freeUnitsLedger(deductions, grants, invoiceId) };
}
