import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';

/**
 * An account may be billed weekly, every N days, quarterly or yearly, not only monthly. The
 * settings such a cycle needs besides its kind (weekday; days and anchor; start month and day;
 * month and day) are kept as JSON beside `cycle_kind`; NULL for the monthly kinds, whose only
 * setting is the account's bill-cycle day.
 */
export const customBillingCycles: Migration = {
  name: '0010-custom-billing-cycles',
  async up({ queryInterface }) {
    await queryInterface.addColumn('billing_profiles', 'cycle_settings', { type: DataTypes.STRING(1000), allowNull: true });
  },
  async down({ queryInterface }) {
    await queryInterface.removeColumn('billing_profiles', 'cycle_settings');
  },
};
