import { Decimal } from '../money/decimal';
import { roundedAmountText } from '../money/round-to-currency';
import type { Adjustment, AdjustmentLine, ChargeLine, InvoiceContext, LedgerEntryDraft } from '../promotions/line-adjuster';
import { byUseOrder, isGrantUsable, type MonetaryGrant } from './credit-grant';

/** A monetary grant with what is left of it for this invoice. */
export interface GrantBalance {
  readonly grant: MonetaryGrant;
  readonly balance: Decimal;
}

/**
 * Credit lines paying what the draft still owes after its discounts (stage 4 of
 * `AdjustInvoiceDraft`). Pure. A subscription's own grants pay only that subscription's lines and
 * come first; the team pool pays whatever is left of any subscription. Grants in another currency,
 * not yet granted or already expired for the period are left alone. No line takes more than its
 * grant's balance or more than is owed, so the total stops at zero and the rest stays on the balance.
 */
export function applyCredits(charges: readonly ChargeLine[], earlier: readonly AdjustmentLine[], grants: readonly GrantBalance[], context: InvoiceContext): Adjustment {
  const owed = new Map<string, Decimal>();
  for (const line of charges) owed.set(line.subscriptionId, (owed.get(line.subscriptionId) ?? new Decimal(0)).plus(line.amount));
  let total = charges.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
  for (const line of earlier) {
    total = total.plus(line.amount);
    if (line.subscriptionId !== null) owed.set(line.subscriptionId, (owed.get(line.subscriptionId) ?? new Decimal(0)).plus(line.amount));
  }
  const onInvoice = new Set(context.subscriptions.map((s) => s.subscriptionId));
  const usable = grants
    .filter((g) => g.grant.currency === context.currency && g.balance.gt(0) && isGrantUsable(g.grant, context.period))
    .filter((g) => g.grant.subscriptionId === null || onInvoice.has(g.grant.subscriptionId))
    .sort((a, b) => byUseOrder(a.grant, b.grant));

  const lines: AdjustmentLine[] = [];
  const ledger: LedgerEntryDraft[] = [];
  for (const { grant, balance } of usable) {
    if (total.lte(0)) break;
    const sub = grant.subscriptionId;
    const due = sub === null ? total : Decimal.min(Decimal.max(owed.get(sub) ?? 0, 0), total);
    const use = Decimal.min(balance, due);
    if (use.lte(0)) continue;
    total = total.minus(use);
    if (sub !== null) owed.set(sub, owed.get(sub)!.minus(use));
    const money = (d: Decimal) => `${roundedAmountText(d, context.currency)} ${context.currency}`;
    const reason = `${money(use)} of ${money(balance)} available${balance.gt(use) ? `; ${money(balance.minus(use))} stays on the balance` : ''}`;
    lines.push({
      id: `credit:${grant.id}`,
      kind: 'credit',
      subscriptionId: sub,
      chargeLineId: null,
      amount: use.negated(),
      description: `${grant.description} — ${sub === null ? 'team credit' : 'credit'}, ${reason}`,
      reason,
      source: { type: 'credit-grant', grantId: grant.id },
    });
    ledger.push({
      grantId: grant.id, accountId: grant.accountId, invoiceId: context.invoiceId, kind: 'use',
      amount: use.negated(), currency: context.currency, meterId: null, description: `${grant.description}: ${roundedAmountText(use, context.currency)} ${context.currency} used`,
    });
  }
  return { lines, ledger };
}
