import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { Decimal } from '../money/decimal';
import { roundToCurrency } from '../money/round-to-currency';
import type { DraftLine } from './invoice';
import type { BilledUsage } from './invoice-store';
import { periodKey } from './invoice-periods';

/**
 * Usage that arrived after a period's invoice was finalized. For every (subscription, meter) of
 * that period, what the rollups rate to NOW (rounded as its line would be) is compared with what
 * finalized invoices have billed for it so far (its usage line plus any adjustment lines since);
 * the difference becomes an adjustment line of the invoice being built, dated for the old period.
 * Once that invoice is finalized its adjustment counts as billed, so the same late usage is never
 * billed twice, and the finalized invoice of the old period is never touched.
 */
export function lateUsageAdjustments(
  servicePeriod: BillingPeriod,
  ratedNow: readonly DraftLine[],
  billed: readonly BilledUsage[],
  currency: string,
  finalizedInvoiceNumber: string | null,
): DraftLine[] {
  const key = (subscriptionId: string | null, meterId: string | null) => `${subscriptionId}\u0000${meterId}`;
  // A subscription moved to another plan mid-period has one usage line per plan for a meter.
  const rated = new Map<string, DraftLine[]>();
  for (const line of ratedNow) {
    const k = key(line.subscriptionId, line.meterId);
    rated.set(k, [...(rated.get(k) ?? []), line]);
  }
  const billedHere = new Map<string, Decimal>();
  for (const b of billed.filter((b) => periodKey(b.servicePeriod) === periodKey(servicePeriod))) {
    const k = key(b.subscriptionId, b.meterId);
    billedHere.set(k, (billedHere.get(k) ?? new Decimal(0)).plus(b.amount));
  }
  const adjustments: DraftLine[] = [];
  for (const k of new Set([...rated.keys(), ...billedHere.keys()])) {
    const now = rated.get(k) ?? [];
    const owed = now.reduce((sum, line) => sum.plus(roundToCurrency(line.unroundedAmount, currency)), new Decimal(0));
    const already = billedHere.get(k) ?? new Decimal(0);
    const delta = owed.minus(already);
    if (delta.isZero()) continue;
    const [subscriptionId, meterId] = k.split('\u0000');
    const range = `${servicePeriod.from.toISOString().slice(0, 10)} – ${servicePeriod.to.toISOString().slice(0, 10)}`;
    adjustments.push({
      kind: 'adjustment',
      subscriptionId,
      meterId,
      feeId: null,
      description: `Late usage ${meterId} for ${range}${finalizedInvoiceNumber ? ` (after ${finalizedInvoiceNumber})` : ''}`,
      quantity: now.length > 0 ? now.reduce((sum, line) => sum.plus(line.quantity ?? 0), new Decimal(0)) : null,
      unroundedAmount: delta,
      servicePeriod,
      detail: { reason: 'late-usage', ratedNow: owed.toString(), billedBefore: already.toString(), rating: now.length === 0 ? null : now.length === 1 ? now[0].detail : now.map((line) => line.detail) },
    });
  }
  return adjustments;
}
