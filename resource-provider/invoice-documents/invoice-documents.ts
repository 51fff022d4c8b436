import * as fs from 'node:fs';
import * as path from 'node:path';
import ejs from 'ejs';
import { inject, injectable } from 'inversify';
import type { Invoice, InvoiceLine } from '../../core/invoicing/invoice';
import { ResourceProviderSettings } from '../config/settings';
import { invoiceView } from './invoice-view';
import { spreadsheetSafeCsv } from '../http/spreadsheet-safe-csv';

export type InvoiceFormat = 'html' | 'pdf' | 'csv' | 'json';
export const INVOICE_FORMATS: readonly InvoiceFormat[] = ['html', 'pdf', 'csv', 'json'];

const DEFAULT_TEMPLATE = path.join(__dirname, 'templates', 'invoice.ejs');
/** The flags this machine's Chromium needs headless and offline (see the machine notes). */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium is not installed; PDF output cannot be made (HTML, CSV and JSON still can). */
export class PdfUnavailableError extends Error {}

/**
 * An invoice as a document: HTML from an EJS template an admin can replace (`invoice.ejs` in
 * INVOICE_TEMPLATE_DIR), PDF printed from that same HTML by headless Chromium, CSV with a row per
 * line, and JSON as the API answers it. One template serves the screen and the paper.
 */
@injectable()
export class InvoiceDocuments {
  constructor(@inject(ResourceProviderSettings) private readonly settings: ResourceProviderSettings) {}

  async html(invoice: Invoice, lines?: readonly InvoiceLine[]): Promise<string> {
    return ejs.renderFile(this.templatePath(), { invoice: invoiceView(invoice, lines) }, { async: true });
  }

  csv(invoice: Invoice, lines?: readonly InvoiceLine[]): string {
    const view = invoiceView(invoice, lines);
    const rows = view.lines.map((l) => [view.number ?? '', l.position, l.kind, l.subscriptionId ?? '', l.meterId ?? '', l.description, l.quantity ?? '', l.amount, view.currency, l.note]);
    const totals = [['', '', 'subtotal', '', '', '', '', view.subtotal, view.currency, ''], ['', '', 'tax', '', '', '', '', view.tax, view.currency, ''], ['', '', 'total', '', '', '', '', view.total, view.currency, '']];
    return spreadsheetSafeCsv([['invoice', 'position', 'kind', 'subscription', 'meter', 'description', 'quantity', 'amount', 'currency', 'note'], ...rows, ...totals]);
  }

  async pdf(invoice: Invoice, lines?: readonly InvoiceLine[]): Promise<Buffer> {
    const executablePath = this.settings.chromiumPath ?? '/usr/bin/chromium';
    if (!fs.existsSync(executablePath)) throw new PdfUnavailableError(`PDF output needs Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    const html = await this.html(invoice, lines);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
    } finally {
      await browser.close();
    }
  }

  private templatePath(): string {
    const custom = this.settings.invoiceTemplateDir && path.join(this.settings.invoiceTemplateDir, 'invoice.ejs');
    return custom && fs.existsSync(custom) ? custom : DEFAULT_TEMPLATE;
  }
}
