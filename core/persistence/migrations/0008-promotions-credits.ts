import { DataTypes } from 'sequelize';
import { exactDecimal } from '../exact-decimal';
import type { Migration } from '../migration';

/**
 * Promotions, coupons and their redemptions, credit grants and the credit ledger. Money and
 * quantities are exact decimals; the ledger is append-only (a voided use gets a reversal row) and
 * balances are sums of it. Unique keys, not application checks, make redemptions and uses
 * idempotent under concurrency; their columns are NOT NULL with '' for "none", because SQL Server
 * lets only one NULL into a unique index and the other dialects let any number in.
 */
export const promotionsCredits: Migration = {
  name: '0008-promotions-credits',
  async up({ queryInterface, dialect }) {
    await queryInterface.createTable('promotions', {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      name: { type: DataTypes.STRING(256), allowNull: false },
      plan_ids: { type: DataTypes.TEXT, allowNull: false },
      benefit_kind: { type: DataTypes.STRING(16), allowNull: false },
      percent_off: { type: exactDecimal(dialect), allowNull: true },
      amount_off: { type: exactDecimal(dialect), allowNull: true },
      currency: { type: DataTypes.STRING(3), allowNull: true },
      applies_to: { type: DataTypes.STRING(8), allowNull: false },
      meter_ids: { type: DataTypes.TEXT, allowNull: false },
      validity_kind: { type: DataTypes.STRING(16), allowNull: false },
      valid_from: { type: DataTypes.DATE(3), allowNull: true },
      valid_until: { type: DataTypes.DATE(3), allowNull: true },
      days: { type: DataTypes.INTEGER, allowNull: true },
      day_unit: { type: DataTypes.STRING(8), allowNull: true },
      cycles: { type: DataTypes.INTEGER, allowNull: true },
      automatic: { type: DataTypes.BOOLEAN, allowNull: false },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    });
    await queryInterface.createTable('coupons', {
      code: { type: DataTypes.STRING(64), primaryKey: true },
      promotion_id: { type: DataTypes.STRING(64), allowNull: false },
      max_redemptions: { type: DataTypes.INTEGER, allowNull: true },
      max_per_account: { type: DataTypes.INTEGER, allowNull: false },
      expires_at: { type: DataTypes.DATE(3), allowNull: true },
      // Counted under the row's lock by a conditional UPDATE: the overall limit holds across instances.
      redemptions: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    });
    await queryInterface.createTable('coupon_redemptions', {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      code: { type: DataTypes.STRING(64), allowNull: false },
      account_id: { type: DataTypes.STRING(256), allowNull: false },
      // '' when redeemed for the whole account.
      subscription_id: { type: DataTypes.STRING(64), allowNull: false },
      // 1, 2, … per (code, account): the unique key keeps the per-account limit under concurrency.
      account_slot: { type: DataTypes.INTEGER, allowNull: false },
      redeemed_at: { type: DataTypes.DATE(3), allowNull: false },
    });
    await queryInterface.addIndex('coupon_redemptions', ['code', 'account_id', 'subscription_id'], { name: 'coupon_redemptions_once', unique: true });
    await queryInterface.addIndex('coupon_redemptions', ['code', 'account_id', 'account_slot'], { name: 'coupon_redemptions_slot', unique: true });
    await queryInterface.addIndex('coupon_redemptions', ['account_id'], { name: 'coupon_redemptions_by_account' });

    await queryInterface.createTable('credit_grants', {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      account_id: { type: DataTypes.STRING(256), allowNull: false },
      subscription_id: { type: DataTypes.STRING(64), allowNull: true },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      amount: { type: exactDecimal(dialect), allowNull: true },
      currency: { type: DataTypes.STRING(3), allowNull: true },
      meter_id: { type: DataTypes.STRING(128), allowNull: true },
      quantity_per_period: { type: exactDecimal(dialect), allowNull: true },
      description: { type: DataTypes.STRING(1000), allowNull: false },
      granted_at: { type: DataTypes.DATE(3), allowNull: false },
      expires_at: { type: DataTypes.DATE(3), allowNull: true },
    });
    await queryInterface.addIndex('credit_grants', ['account_id'], { name: 'credit_grants_by_account' });
    await queryInterface.createTable('credit_ledger', {
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      grant_id: { type: DataTypes.STRING(64), allowNull: false },
      account_id: { type: DataTypes.STRING(256), allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
      amount: { type: exactDecimal(dialect), allowNull: false },
      currency: { type: DataTypes.STRING(3), allowNull: true },
      meter_id: { type: DataTypes.STRING(128), allowNull: true },
      // '' on the grant row.
      invoice_id: { type: DataTypes.STRING(64), allowNull: false },
      description: { type: DataTypes.STRING(1000), allowNull: false },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    });
    // One grant row per grant, one use and one reversal per (grant, invoice).
    await queryInterface.addIndex('credit_ledger', ['grant_id', 'invoice_id', 'kind'], { name: 'credit_ledger_once', unique: true });
    await queryInterface.addIndex('credit_ledger', ['account_id'], { name: 'credit_ledger_by_account' });
    await queryInterface.addIndex('credit_ledger', ['invoice_id'], { name: 'credit_ledger_by_invoice' });
  },
  async down({ queryInterface }) {
    for (const table of ['credit_ledger', 'credit_grants', 'coupon_redemptions', 'coupons', 'promotions']) await queryInterface.dropTable(table);
  },
};
