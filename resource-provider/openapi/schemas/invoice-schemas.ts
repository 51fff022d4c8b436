import { Type } from '@sinclair/typebox';
import { queryParam } from '../operation-kit';
import type { OpenApiResponse } from '../openapi-types';

const instant = Type.String({ format: 'date-time' });
const period = Type.Object({ from: instant, to: instant });
const amount = Type.String({ description: "exact decimal with the currency's digits, e.g. 26.20" });

export const InvoiceLineJson = Type.Object(
  {
    position: Type.Integer(),
    kind: Type.String({ description: 'fixed, usage, adjustment, discount, credit or tax' }),
    subscriptionId: Type.Union([Type.String(), Type.Null()]),
    meterId: Type.Union([Type.String(), Type.Null()]),
    feeId: Type.Union([Type.String(), Type.Null()]),
    description: Type.String(),
    quantity: Type.Union([Type.String(), Type.Null()]),
    amount,
    unroundedAmount: Type.String(),
    servicePeriod: period,
    detail: Type.Unknown({ description: 'tier breakdown, proration, rate card' }),
  },
  { title: 'InvoiceLine' },
);

export const InvoiceJson = Type.Object(
  {
    id: Type.String(),
    number: Type.Union([Type.String(), Type.Null()]),
    accountId: Type.String(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('finalized'), Type.Literal('void')]),
    currency: Type.String(),
    period,
    subtotal: amount,
    tax: amount,
    total: amount,
    createdAt: instant,
    finalizedAt: Type.Union([instant, Type.Null()]),
    voidedAt: Type.Union([instant, Type.Null()]),
    lineCount: Type.Integer(),
    lines: Type.Optional(Type.Array(InvoiceLineJson)),
  },
  { title: 'Invoice' },
);

export const InvoiceRunReportJson = Type.Object(
  {
    outcomes: Type.Array(Type.Object({ accountId: Type.String(), period, outcome: Type.String(), invoice: Type.Union([InvoiceJson, Type.Null()]) })),
  },
  { title: 'InvoiceRunReport', additionalProperties: true },
);

export const documentFormatParam = queryParam('format', 'html (default), pdf, csv or json', Type.Union(['html', 'pdf', 'csv', 'json'].map((f) => Type.Literal(f))));

export const invoiceDocumentResponse: OpenApiResponse = {
  description: 'The invoice in the format asked for',
  content: {
    'text/html': { schema: { type: 'string' } },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
    'text/csv': { schema: { type: 'string' } },
    'application/json': { schema: InvoiceJson },
  },
};
