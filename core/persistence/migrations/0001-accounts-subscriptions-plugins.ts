import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

export const accountsSubscriptionsPlugins: Migration = {
  name: '0001-accounts-subscriptions-plugins',
  async up({ queryInterface }) {
    await queryInterface.createTable('plugin_states', {
      plugin_id: { type: DataTypes.STRING(200), primaryKey: true },
      enabled: { type: DataTypes.BOOLEAN, allowNull: false },
      settings: { type: DataTypes.TEXT, allowNull: true },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
    await queryInterface.createTable('accounts', {
      id: { type: DataTypes.STRING(256), primaryKey: true },
      currency: { type: DataTypes.STRING(3), allowNull: false },
      time_zone: { type: DataTypes.STRING(64), allowNull: false },
      bill_cycle_day: { type: DataTypes.INTEGER, allowNull: false },
      standing: { type: DataTypes.STRING(32), allowNull: false },
      ...timestamps,
    });
    await queryInterface.createTable('subscriptions', {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      account_id: { type: DataTypes.STRING(256), allowNull: false },
      plan_id: { type: DataTypes.STRING(128), allowNull: true },
      name: { type: DataTypes.STRING(256), allowNull: true },
      state: { type: DataTypes.STRING(32), allowNull: false },
      ...timestamps,
    });
    await queryInterface.addIndex('subscriptions', ['account_id'], { name: 'subscriptions_account' });
    await queryInterface.createTable('subscription_state_changes', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      subscription_id: { type: DataTypes.STRING(64), allowNull: false },
      state: { type: DataTypes.STRING(32), allowNull: false },
      changed_at: { type: DataTypes.DATE, allowNull: false },
      source: { type: DataTypes.STRING(64), allowNull: false },
    });
    await queryInterface.addIndex('subscription_state_changes', ['subscription_id', 'changed_at'], {
      name: 'subscription_state_changes_by_subscription',
    });
  },
  async down({ queryInterface }) {
    for (const table of ['subscription_state_changes', 'subscriptions', 'accounts', 'plugin_states']) {
      await queryInterface.dropTable(table);
    }
  },
};
