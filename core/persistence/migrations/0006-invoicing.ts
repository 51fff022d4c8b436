import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';
import { exactDecimal } from '../exact-decimal';

export const invoicing: Migration = {
  name: '0006-invoicing',
  async up({ queryInterface, dialect }) {
    // One row per published version; never updated (a new price is a new row with a later effective_from).
    await queryInterface.createTable('rate_cards', {
      id: { type: DataTypes.STRING(128), primaryKey: true },
      offer_kind: { type: DataTypes.STRING(16), allowNull: false },
      offer_id: { type: DataTypes.STRING(128), allowNull: false },
      currency: { type: DataTypes.STRING(3), allowNull: false },
      effective_from: { type: DataTypes.DATE, allowNull: false },
      // rateCardToJson: prices as decimal strings, so no dialect rounds them.
      body: { type: DataTypes.TEXT, allowNull: false },
      published_at: { type: DataTypes.DATE, allowNull: false },
    });
    await queryInterface.addIndex('rate_cards', ['offer_kind', 'offer_id', 'effective_from'], { name: 'rate_cards_by_offer' });
    // Invoicing choices of an account; currency, zone and bill-cycle day stay on `accounts`.
    await queryInterface.createTable('billing_profiles', {
      account_id: { type: DataTypes.STRING(256), primaryKey: true },
      cycle_kind: { type: DataTypes.STRING(32), allowNull: false },
      tax_rate: { type: exactDecimal(dialect), allowNull: false },
      // NULL: the operator's default grace period.
      grace_period_hours: { type: DataTypes.INTEGER, allowNull: true },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await queryInterface.createTable('invoices', {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      account_id: { type: DataTypes.STRING(256), allowNull: false },
      period_from: { type: DataTypes.DATE, allowNull: false },
      period_to: { type: DataTypes.DATE, allowNull: false },
      // A hash of (account, period) while draft or finalized, 'void:<id>' once void: the unique
      // index allows one live invoice per account and period, on every dialect, without NULLs
      // (SQL Server lets a unique index hold only one NULL).
      live_key: { type: DataTypes.STRING(80), allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      currency: { type: DataTypes.STRING(3), allowNull: false },
      number: { type: DataTypes.STRING(64), allowNull: true },
      subtotal: { type: exactDecimal(dialect), allowNull: false },
      tax: { type: exactDecimal(dialect), allowNull: false },
      total: { type: exactDecimal(dialect), allowNull: false },
      created_at: { type: DataTypes.DATE, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
      finalized_at: { type: DataTypes.DATE, allowNull: true },
      voided_at: { type: DataTypes.DATE, allowNull: true },
    });
    await queryInterface.addIndex('invoices', ['live_key'], { name: 'invoices_live_key', unique: true });
    await queryInterface.addIndex('invoices', ['account_id', 'period_from'], { name: 'invoices_by_account' });
    await queryInterface.createTable('invoice_lines', {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      invoice_id: { type: DataTypes.STRING(64), allowNull: false },
      position: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      subscription_id: { type: DataTypes.STRING(64), allowNull: true },
      meter_id: { type: DataTypes.STRING(128), allowNull: true },
      fee_id: { type: DataTypes.STRING(128), allowNull: true },
      description: { type: DataTypes.STRING(500), allowNull: false },
      quantity: { type: exactDecimal(dialect), allowNull: true },
      // Rounded once to the currency; the unrounded amount is in `detail`, which has room for every digit.
      amount: { type: exactDecimal(dialect), allowNull: false },
      // What the line charges for: an adjustment of late usage names an earlier period here.
      service_from: { type: DataTypes.DATE, allowNull: false },
      service_to: { type: DataTypes.DATE, allowNull: false },
      detail: { type: DataTypes.TEXT, allowNull: false },
    });
    await queryInterface.addIndex('invoice_lines', ['invoice_id', 'position'], { name: 'invoice_lines_by_invoice' });
    await queryInterface.addIndex('invoice_lines', ['subscription_id'], { name: 'invoice_lines_by_subscription' });
    // One row per number sequence; finalization takes the next value with a row-level UPDATE.
    await queryInterface.createTable('invoice_sequences', {
      name: { type: DataTypes.STRING(64), primaryKey: true },
      next_value: { type: DataTypes.BIGINT, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
  },
  async down({ queryInterface }) {
    for (const table of ['invoice_sequences', 'invoice_lines', 'invoices', 'billing_profiles', 'rate_cards']) await queryInterface.dropTable(table);
  },
};
