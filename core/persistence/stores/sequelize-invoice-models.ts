import { DataTypes, type Model, type ModelStatic } from 'sequelize';
import type { Invoice, InvoiceLine, InvoiceStatus, InvoiceSummary, LineKind } from '../../invoicing/invoice';
import { Decimal } from '../../money/decimal';
import type { Database } from '../database';
import { exactDecimal } from '../exact-decimal';

export interface InvoiceRow {
  id: string;
  account_id: string;
  period_from: Date;
  period_to: Date;
  live_key: string;
  status: string;
  currency: string;
  number: string | null;
  subtotal: string;
  tax: string;
  total: string;
  created_at: Date;
  updated_at: Date;
  finalized_at: Date | null;
  voided_at: Date | null;
}

export interface LineRow {
  id?: number;
  invoice_id: string;
  position: number;
  kind: string;
  subscription_id: string | null;
  meter_id: string | null;
  fee_id: string | null;
  description: string;
  quantity: string | null;
  amount: string;
  service_from: Date;
  service_to: Date;
  detail: string;
}

export interface SequenceRow {
  name: string;
  next_value: number | string;
  updated_at: Date;
}

export interface InvoiceModels {
  readonly invoices: ModelStatic<Model<InvoiceRow>>;
  readonly lines: ModelStatic<Model<LineRow>>;
  readonly sequences: ModelStatic<Model<SequenceRow>>;
}

export function defineInvoiceModels(database: Database): InvoiceModels {
  const { sequelize, dialect } = database;
  const decimal = exactDecimal(dialect);
  const invoices = sequelize.define<Model<InvoiceRow>>(
    'Invoice',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      account_id: { type: DataTypes.STRING(256), allowNull: false },
      period_from: { type: DataTypes.DATE, allowNull: false },
      period_to: { type: DataTypes.DATE, allowNull: false },
      live_key: { type: DataTypes.STRING(80), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      currency: { type: DataTypes.STRING(3), allowNull: false },
      number: { type: DataTypes.STRING(64), allowNull: true },
      subtotal: { type: decimal, allowNull: false },
      tax: { type: decimal, allowNull: false },
      total: { type: decimal, allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
      finalized_at: { type: DataTypes.DATE, allowNull: true },
      voided_at: { type: DataTypes.DATE, allowNull: true },
    },
    { tableName: 'invoices', timestamps: false },
  );
  const lines = sequelize.define<Model<LineRow>>(
    'InvoiceLine',
    {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      invoice_id: { type: DataTypes.STRING(64), allowNull: false },
      position: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      subscription_id: { type: DataTypes.STRING(64), allowNull: true },
      meter_id: { type: DataTypes.STRING(128), allowNull: true },
      fee_id: { type: DataTypes.STRING(128), allowNull: true },
      description: { type: DataTypes.STRING(500), allowNull: false },
      quantity: { type: decimal, allowNull: true },
      amount: { type: decimal, allowNull: false },
      service_from: { type: DataTypes.DATE, allowNull: false },
      service_to: { type: DataTypes.DATE, allowNull: false },
      detail: { type: DataTypes.TEXT, allowNull: false },
    },
    { tableName: 'invoice_lines', timestamps: false },
  );
  const sequences = sequelize.define<Model<SequenceRow>>(
    'InvoiceSequence',
    {
      name: { type: DataTypes.STRING(64), primaryKey: true },
      next_value: { type: DataTypes.BIGINT, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: 'invoice_sequences', timestamps: false },
  );
  return { invoices, lines, sequences };
}

/** A line's description as its column holds it. */
export function storedDescription(description: string): string {
  return description.slice(0, 500);
}

export function lineToRow(invoiceId: string, line: InvoiceLine): LineRow {
  return {
    invoice_id: invoiceId,
    position: line.position,
    kind: line.kind,
    subscription_id: line.subscriptionId,
    meter_id: line.meterId,
    fee_id: line.feeId,
    description: storedDescription(line.description),
    quantity: line.quantity === null ? null : line.quantity.toString(),
    amount: line.amount.toString(),
    service_from: line.servicePeriod.from,
    service_to: line.servicePeriod.to,
    detail: JSON.stringify({ ...line.detail, unroundedAmount: line.unroundedAmount.toString() }),
  };
}

export function toInvoice(row: InvoiceRow, lineRows: readonly LineRow[]): Invoice {
  return { ...toSummary(row), lines: [...lineRows].sort((a, b) => a.position - b.position).map(toLine) };
}

export function toSummary(row: InvoiceRow): InvoiceSummary {
  return {
    id: row.id,
    accountId: row.account_id,
    period: { from: new Date(row.period_from), to: new Date(row.period_to) },
    status: row.status as InvoiceStatus,
    currency: row.currency,
    number: row.number,
    subtotal: new Decimal(row.subtotal),
    tax: new Decimal(row.tax),
    total: new Decimal(row.total),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finalizedAt: row.finalized_at ? new Date(row.finalized_at) : null,
    voidedAt: row.voided_at ? new Date(row.voided_at) : null,
  };
}

function toLine(row: LineRow): InvoiceLine {
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  const { unroundedAmount, ...rest } = detail;
  return {
    position: Number(row.position),
    kind: row.kind as LineKind,
    subscriptionId: row.subscription_id,
    meterId: row.meter_id,
    feeId: row.fee_id,
    description: row.description,
    quantity: row.quantity === null ? null : new Decimal(row.quantity),
    amount: new Decimal(row.amount),
    unroundedAmount: new Decimal(String(unroundedAmount ?? row.amount)),
    servicePeriod: { from: new Date(row.service_from), to: new Date(row.service_to) },
    detail: rest,
  };
}
