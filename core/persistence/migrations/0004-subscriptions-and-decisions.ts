import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';

export const subscriptionsAndDecisions: Migration = {
  name: '0004-subscriptions-and-decisions',
  async up({ queryInterface }) {
    // One row per billing event we answered; (entity, event_id) is what makes WAP's retry a lookup.
    await queryInterface.createTable('billing_decisions', {
      entity: { type: DataTypes.STRING(32), primaryKey: true },
      event_id: { type: DataTypes.BIGINT, primaryKey: true },
      method: { type: DataTypes.STRING(8), allowNull: false },
      subscription_id: { type: DataTypes.STRING(64), allowNull: false },
      account_id: { type: DataTypes.STRING(256), allowNull: true },
      verdict: { type: DataTypes.STRING(16), allowNull: false },
      reason: { type: DataTypes.STRING(1000), allowNull: true },
      decided_at: { type: DataTypes.DATE, allowNull: false },
    });
    await queryInterface.addIndex('billing_decisions', ['subscription_id'], { name: 'billing_decisions_by_subscription' });
    // The quota WAP last pushed, as a JSON list of {key, value}: replaced whole, never appended.
    await queryInterface.createTable('subscription_quotas', {
      subscription_id: { type: DataTypes.STRING(64), primaryKey: true },
      settings: { type: DataTypes.TEXT, allowNull: false },
      updated_at: { type: DataTypes.DATE, allowNull: false },
    });
  },
  async down({ queryInterface }) {
    for (const table of ['subscription_quotas', 'billing_decisions']) await queryInterface.dropTable(table);
  },
};
