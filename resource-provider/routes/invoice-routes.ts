import { Type } from '@sinclair/typebox';
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
import { InvoiceDocuments } from '../invoice-documents/invoice-documents';
import { sendInvoiceDocument } from '../invoice-documents/send-invoice-document';
import { jsonResponse, operation, pathParam, queryParam } from '../openapi/operation-kit';
import { documentFormatParam, invoiceDocumentResponse } from '../openapi/schemas/invoice-schemas';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { InvoiceJson, InvoiceRunReportJson } from '../openapi/schemas/invoice-schemas';
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
    @inject(InvoiceDocuments) private readonly documents: InvoiceDocuments,
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

    router.get('/admin/invoices/:id/document', async (req, res) => {
      const invoice = await this.invoices.find(String(req.params.id));
      if (!invoice) throw new HttpError(404, 'InvoiceNotFound', 'No invoice with that id is known');
      await sendInvoiceDocument(req, res, this.documents, invoice);
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
      res.json({ ...profile, cycleKind: profile.cycle.kind, taxRate: profile.taxRate.toFixed() });
    });
  }

  describe(): OpenApiPaths {
    const tags = ['admin', 'invoices'];
    const id = pathParam('id', 'the invoice');
    return {
      '/admin/invoices': {
        get: operation({
          summary: 'Invoices, optionally of one account or in one status', tags,
          parameters: [queryParam('accountId', 'the WAP user billed'), queryParam('status', 'draft, finalized or void')],
          responses: { 200: jsonResponse('The invoices, without their lines', Type.Object({ items: Type.Array(InvoiceJson) })) },
          errors: [400],
        }),
      },
      '/admin/invoices/{id}': {
        get: operation({ summary: 'One invoice with its lines', tags, parameters: [id], responses: { 200: jsonResponse('The invoice', InvoiceJson) }, errors: [404] }),
      },
      '/admin/invoices/{id}/document': {
        get: operation({ summary: 'The invoice as a document: HTML from the invoice template, PDF printed from it, CSV or JSON', tags, parameters: [id, documentFormatParam], responses: { 200: invoiceDocumentResponse }, errors: [400, 404] }),
      },
      '/admin/invoices/run': {
        post: operation({
          summary: 'Build (or rebuild) the drafts of a period, idempotently per account and period; optionally finalize them', tags,
          body: { schema: Type.Object({ period: Type.Optional(Type.Union([Type.String({ description: 'YYYY-MM' }), Type.Object({ from: Type.String(), to: Type.String() })])), accountId: Type.Optional(Type.String()), finalize: Type.Optional(Type.Boolean()) }), required: false },
          responses: { 200: jsonResponse('What each account got', InvoiceRunReportJson) },
          errors: [400, 409],
        }),
      },
      '/admin/invoices/run-due': {
        post: operation({ summary: 'Build and finalize every period past its grace period', tags, responses: { 200: jsonResponse('What each account got', InvoiceRunReportJson) }, errors: [409] }),
      },
      '/admin/invoices/{id}/finalize': {
        post: operation({ summary: 'Number a draft and make it immutable; a finalized invoice is returned unchanged', tags, parameters: [id], responses: { 200: jsonResponse('The finalized invoice', InvoiceJson) }, errors: [404, 409] }),
      },
      '/admin/invoices/{id}/void': {
        post: operation({ summary: 'Void an invoice (it keeps its number); its period can then be billed again', tags, parameters: [id], responses: { 200: jsonResponse('The voided invoice', InvoiceJson) }, errors: [404, 409] }),
      },
      '/admin/accounts/{accountId}/billing-profile': {
        put: operation({
          summary: "An account's billing cycle, tax rate, currency, time zone and grace period", tags,
          parameters: [pathParam('accountId', 'the WAP user billed')],
          body: { schema: Type.Object({}, { additionalProperties: true, description: 'cycleKind (calendar-monthly, anniversary) with billCycleDay, or cycle: { kind, …settings } for any kind (weekly: weekday; every-n-days: days, anchor; quarterly: startMonth, billCycleDay; yearly: month, day); taxRate (decimal string), currency, timeZone, gracePeriodHours' }) },
          responses: { 200: jsonResponse('The profile as stored', Type.Object({}, { additionalProperties: true })) },
          errors: [400, 404],
        }),
      },
    };
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

