import type { Request, Response } from 'express';
import type { Invoice, InvoiceLine } from '../../core/invoicing/invoice';
import { HttpError } from '../http/wap-error';
import { invoiceJson } from '../routes/invoice-json';
import { INVOICE_FORMATS, PdfUnavailableError, type InvoiceDocuments, type InvoiceFormat } from './invoice-documents';

/** Answers `?format=html|pdf|csv|json` (HTML when absent) of one invoice, named by its number. */
export async function sendInvoiceDocument(req: Request, res: Response, documents: InvoiceDocuments, invoice: Invoice, lines?: readonly InvoiceLine[]): Promise<void> {
  const format = (req.query.format ?? 'html') as InvoiceFormat;
  if (!INVOICE_FORMATS.includes(format)) throw new HttpError(400, 'BadRequest', `'format' must be one of ${INVOICE_FORMATS.join(', ')}`);
  const name = invoice.number ?? `draft-${invoice.id}`;
  switch (format) {
    case 'html':
      res.type('html').send(await documents.html(invoice, lines));
      return;
    case 'csv':
      res.type('text/csv').attachment(`${name}.csv`).send(documents.csv(invoice, lines));
      return;
    case 'json':
      res.attachment(`${name}.json`).json(invoiceJson(invoice, lines));
      return;
    case 'pdf':
      try {
        res.type('application/pdf').attachment(`${name}.pdf`).send(await documents.pdf(invoice, lines));
      } catch (error) {
        if (error instanceof PdfUnavailableError) throw new HttpError(501, 'PdfUnavailable', error.message);
        throw error;
      }
  }
}
