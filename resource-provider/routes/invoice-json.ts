import type { Invoice, InvoiceLine } from '../../core/invoicing/invoice';
import { minorUnitsOf } from '../../core/money/currency';
import type { Decimal } from '../../core/money/decimal';

/**
 * An invoice as the admin and tenant routes answer it: amounts as decimal strings with exactly the
 * currency's digits ("26.20", "1008"), quantities as exact decimal strings, instants in ISO 8601.
 */
export function invoiceJson(invoice: Invoice, lines: readonly InvoiceLine[] | undefined = invoice.lines) {
  const money = (d: Decimal) => d.toFixed(minorUnitsOf(invoice.currency));
  return {
    id: invoice.id,
    number: invoice.number,
    accountId: invoice.accountId,
    status: invoice.status,
    currency: invoice.currency,
    period: { from: invoice.period.from.toISOString(), to: invoice.period.to.toISOString() },
    subtotal: money(invoice.subtotal),
    tax: money(invoice.tax),
    total: money(invoice.total),
    createdAt: invoice.createdAt.toISOString(),
    finalizedAt: invoice.finalizedAt?.toISOString() ?? null,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
    lineCount: invoice.lines.length,
    ...(lines
      ? {
          lines: lines.map((l) => ({
            position: l.position,
            kind: l.kind,
            subscriptionId: l.subscriptionId,
            meterId: l.meterId,
            feeId: l.feeId,
            description: l.description,
            quantity: l.quantity?.toFixed() ?? null,
            amount: money(l.amount),
            unroundedAmount: l.unroundedAmount.toFixed(),
            servicePeriod: { from: l.servicePeriod.from.toISOString(), to: l.servicePeriod.to.toISOString() },
            detail: l.detail,
          })),
        }
      : {}),
  };
}
