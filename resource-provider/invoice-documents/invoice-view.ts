import type { Invoice, InvoiceLine } from '../../core/invoicing/invoice';
import { invoiceJson } from '../routes/invoice-json';

/** What an invoice template receives: the invoice as the API answers it, plus a line note per line. */
export type InvoiceView = ReturnType<typeof invoiceView>;

export function invoiceView(invoice: Invoice, lines: readonly InvoiceLine[] = invoice.lines) {
  const json = invoiceJson(invoice, lines);
  return {
    ...json,
    periodText: `${json.period.from.slice(0, 10)} – ${json.period.to.slice(0, 10)}`,
    lines: (json.lines ?? []).map((line) => ({ ...line, note: noteOf(line.detail) })),
  };
}

/** The why of a line in a few words: the tiers of usage, the proration of a fee, the reason of a discount. */
function noteOf(detail: Readonly<Record<string, unknown>>): string {
  if (typeof detail.reason === 'string') return detail.reason;
  const tiers = detail.tiers as { units: string; unitPrice?: string; from: string; to: string | null }[] | undefined;
  if (tiers?.length) return tiers.map((t) => `${t.units} × ${t.unitPrice ?? '?'} (${t.from}–${t.to ?? '∞'})`).join('; ');
  const proration = detail.proration as { billable: number; total: number; unit: string } | undefined;
  if (proration && proration.billable !== proration.total) return `prorated ${proration.billable}/${proration.total} ${proration.unit}s`;
  return '';
}
