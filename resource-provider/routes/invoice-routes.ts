import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { FinalizeInvoice } from '../../core/invoicing/finalize-invoice';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../core/invoicing/invoice';
import type { InvoiceRunReport } from '../../core/invoicing/invoice-run-report';
import { InvoiceStore } from '../../core/invoicing/invoice-store';
import { RunDueInvoices } from '../../core/invoicing/run-due-invoices';
import { RunInvoices, type PeriodChoice } from '../../core/invoicing/run-invoices';
import { SetBillingProfile } from '../../core/invoicing/set-billing-profile';
import { VoidInvoice } from '../../core/invoicing/void-invoice';
import type { RouteContribution } from '../http/route-contribution';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';
import { invoiceJson } from './invoice-json';

/** Admins review, run, finalize and void invoices, and set how an account is invoiced. */
@injectable()
export class InvoiceRoutes implements RouteContribution {
  constructor(
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(RunInvoices) private readonly runner: RunInvoices,
    @inject(RunDueInvoices) private readonly due: RunDueInvoices,
    @inject(FinalizeInvoice) private readonly finalizer: FinalizeInvoice,
    @inject(VoidInvoice) private readonly voider: VoidInvoice,
    @inject(SetBillingProfile) private readonly profiles: SetBillingProfile,
  ) {}

  configure(router: Router): void {
    router.get('/admin/invoices', async (req, res) => {
      const status = req.query.status;
      if (status !== undefined && !INVOICE_STATUSES.includes(status as InvoiceStatus)) {
        throw new HttpError(400, 'BadRequest', `'status' must be one of ${INVOICE_STATUSES.join(', ')}`);
      }
      const accountId = typeof req.query.accountId === 'string' ? req.query.accountId.toLowerCase() : undefined;
      const found = await this.invoices.list({ accountId, status: status as InvoiceStatus | undefined });
      res.json({ items: found.map((i) => invoiceJson(i, undefined)) });
    });

    router.get('/admin/invoices/:id', async (req, res) => {
      const invoice = await this.invoices.find(String(req.params.id));
      if (!invoice) throw new HttpError(404, 'InvoiceNotFound', 'No invoice with that id is known');
      res.json(invoiceJson(invoice));
    });

    router.post('/admin/invoices/run', async (req, res) => {
      const body = (req.body ?? {}) as { period?: unknown; accountId?: unknown; finalize?: unknown };
      if (body.accountId !== undefined && typeof body.accountId !== 'string') throw new HttpError(400, 'BadRequest', "'accountId' must be a string");
      const report = valueOrThrow(await this.runner.run({ period: periodOf(body.period), accountId: body.accountId?.toLowerCase(), finalize: body.finalize === true }));
      if (report.status === 'lease-held') throw new HttpError(409, 'InvoiceRunInProgress', 'Another instance is running invoices now; nothing was done');
      res.json(reportJson(report));
    });

    // What a scheduler (or an external cron) calls: every period past its grace is finalized.
    router.post('/admin/invoices/run-due', async (_req, res) => {
      const report = await this.due.runDue();
      if (report.status === 'lease-held') throw new HttpError(409, 'InvoiceRunInProgress', 'Another instance is running invoices now; nothing was done');
      res.json(reportJson(report));
    });

    router.post('/admin/invoices/:id/finalize', async (req, res) => {
      res.json(invoiceJson(valueOrThrow(await this.finalizer.finalize(String(req.params.id)))));
    });

    router.post('/admin/invoices/:id/void', async (req, res) => {
      res.json(invoiceJson(valueOrThrow(await this.voider.void(String(req.params.id)))));
    });

    router.put('/admin/accounts/:accountId/billing-profile', async (req, res) => {
      const profile = valueOrThrow(await this.profiles.set(String(req.params.accountId), (req.body ?? {}) as Record<string, never>));
      res.json({ ...profile, taxRate: profile.taxRate.toFixed() });
    });
  }
}

/** `'2025-03'` stays a month; `{ from, to }` becomes instants; anything else is left for the use case to refuse. */
function periodOf(value: unknown): PeriodChoice {
  if (value === undefined || typeof value === 'string') return value;
  const range = value as { from?: unknown; to?: unknown };
  if (value && typeof value === 'object' && typeof range.from === 'string' && typeof range.to === 'string') return { from: new Date(range.from), to: new Date(range.to) };
  return 'invalid' as PeriodChoice;
}

function reportJson(report: Extract<InvoiceRunReport, { status: 'ran' }>) {
  return {
    outcomes: report.outcomes.map((o) => ({
      accountId: o.accountId,
      period: { from: o.period.from.toISOString(), to: o.period.to.toISOString() },
      outcome: o.outcome,
      invoice: o.invoice ? invoiceJson(o.invoice, undefined) : null,
    })),
  };
}

