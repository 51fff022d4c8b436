import type { BillingPeriod } from '../billing-cycles/billing-cycle';
import { Decimal } from '../money/decimal';
import { roundToCurrency } from '../money/round-to-currency';
import type { DraftLine, InvoiceLine, PricedDraft } from './invoice';

/**
 * Rounds every line once, half-up at the currency's precision (`roundToCurrency`), then adds a
 * tax line on the sum of the ROUNDED lines, itself rounded once; the total is the sum of the
 * rounded lines including tax, so the lines on the invoice always add up to its total. `afterTax`
 * lines (credits) come after the tax line and are not taxed.
 */
export function priceInvoice(
  header: { accountId: string; period: BillingPeriod; currency: string; taxRate: Decimal },
  beforeTax: readonly DraftLine[],
  afterTax: readonly DraftLine[] = [],
): PricedDraft {
  const { currency, taxRate } = header;
  const round = (line: DraftLine, position: number): InvoiceLine => ({ ...line, position, amount: roundToCurrency(line.unroundedAmount, currency) });
  const lines = beforeTax.map((line, i) => round(line, i + 1));
  const subtotal = sum(lines);
  if (!taxRate.isZero()) {
    const unrounded = subtotal.times(taxRate);
    lines.push(round({
      kind: 'tax',
      subscriptionId: null,
      meterId: null,
      feeId: null,
      description: `Tax ${taxRate.times(100).toString()} %`,
      quantity: null,
      unroundedAmount: unrounded,
      servicePeriod: header.period,
      detail: { rate: taxRate.toString(), base: subtotal.toString(), unrounded: unrounded.toString() },
    }, lines.length + 1));
  }
  const tax = sum(lines.filter((l) => l.kind === 'tax'));
  for (const line of afterTax) lines.push(round(line, lines.length + 1));
  return { accountId: header.accountId, period: header.period, currency, subtotal, tax, total: sum(lines), lines };
}

function sum(lines: readonly InvoiceLine[]): Decimal {
  return lines.reduce((total, line) => total.plus(line.amount), new Decimal(0));
}
