import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import { inject, injectable } from 'inversify';
import { EstimateCurrentCycle } from '../../core/invoicing/estimate-current-cycle';
import { InvoiceStore } from '../../core/invoicing/invoice-store';
import { SubscriptionStore } from '../../core/subscriptions/subscription-store';
import type { RouteContribution } from '../http/route-contribution';
import { jsonResponse, operation, pathParam } from '../openapi/operation-kit';
import type { OpenApiPaths } from '../openapi/openapi-types';
import { documentFormatParam, invoiceDocumentResponse, InvoiceJson } from '../openapi/schemas/invoice-schemas';
import { InvoiceDocuments } from '../invoice-documents/invoice-documents';
import { sendInvoiceDocument } from '../invoice-documents/send-invoice-document';
import { valueOrThrow } from '../http/use-case-errors';
import { HttpError } from '../http/wap-error';
import { requireGuid } from '../http/path-params';
import { invoiceJson } from './invoice-json';

/**
 * A tenant's invoices, seen from one subscription: the issued (finalized or void) invoices of the
 * subscription's own account that bill that subscription, each with that subscription's lines.
 * Drafts are not shown: they change until finalized.
 */
@injectable()
export class TenantInvoiceRoutes implements RouteContribution {
  constructor(
    @inject(InvoiceStore) private readonly invoices: InvoiceStore,
    @inject(SubscriptionStore) private readonly subscriptions: SubscriptionStore,
    @inject(EstimateCurrentCycle) private readonly estimates: EstimateCurrentCycle,
    @inject(InvoiceDocuments) private readonly documents: InvoiceDocuments,
  ) {}

  configure(router: Router): void {
    router.get('/subscriptions/:subscriptionId/invoices', async (req, res) => {
      const subscription = await this.subscriptionOf(String(req.params.subscriptionId));
      const found = await this.invoices.list({ accountId: subscription.accountId, subscriptionId: subscription.id });
      const issued = found.filter((i) => i.status !== 'draft');
      res.json({ items: issued.map((i) => invoiceJson(i, i.lines.filter((l) => l.subscriptionId === subscription.id))) });
    });

    router.get('/subscriptions/:subscriptionId/invoices/:invoiceId/document', async (req, res) => {
      const subscription = await this.subscriptionOf(String(req.params.subscriptionId));
      const invoice = await this.invoices.find(String(req.params.invoiceId));
      // Another account's invoice, or a draft, does not exist as far as this tenant can tell.
      if (!invoice || invoice.accountId !== subscription.accountId || invoice.status === 'draft' || !invoice.lines.some((l) => l.subscriptionId === subscription.id)) {
        throw new HttpError(404, 'InvoiceNotFound', 'No invoice with that id is known');
      }
      await sendInvoiceDocument(req, res, this.documents, invoice, invoice.lines.filter((l) => l.subscriptionId === subscription.id || l.subscriptionId === null));
    });

    router.get('/subscriptions/:subscriptionId/estimate', async (req, res) => {
      const subscription = await this.subscriptionOf(String(req.params.subscriptionId));
      const estimate = valueOrThrow(await this.estimates.estimate(subscription.id));
      res.json({ ...estimate, period: { from: estimate.period.from.toISOString(), to: estimate.period.to.toISOString() }, measuredUntil: estimate.measuredUntil.toISOString() });
    });
  }

  private async subscriptionOf(id: string) {
    const subscription = await this.subscriptions.find(requireGuid(id));
    if (!subscription) throw new HttpError(404, 'SubscriptionNotFound', 'No subscription with that id is known');
    return subscription;
  }

  describe(): OpenApiPaths {
    const tags = ['tenant', 'invoices'];
    const subscriptionId = pathParam('subscriptionId', 'the subscription (a GUID); WAP checked that the caller owns it');
    return {
      '/subscriptions/{subscriptionId}/invoices': {
        get: operation({
          summary: "The finalized and void invoices of the subscription's account, with this subscription's lines", tags,
          parameters: [subscriptionId],
          responses: { 200: jsonResponse('The invoices', Type.Object({ items: Type.Array(InvoiceJson) })) },
          errors: [400, 404],
        }),
      },
      '/subscriptions/{subscriptionId}/invoices/{invoiceId}/document': {
        get: operation({
          summary: "One issued invoice of the subscription's account as a document (this subscription's lines and the tax)", tags,
          parameters: [subscriptionId, pathParam('invoiceId', 'the invoice'), documentFormatParam],
          responses: { 200: invoiceDocumentResponse },
          errors: [400, 404],
        }),
      },
      '/subscriptions/{subscriptionId}/estimate': {
        get: operation({
          summary: 'Cost so far in the current cycle and a straight-line forecast to its end, per meter', tags,
          parameters: [subscriptionId],
          responses: { 200: jsonResponse('The estimate', Type.Object({}, { additionalProperties: true, title: 'CycleEstimate' })) },
          errors: [400, 404],
        }),
      },
    };
  }
}
