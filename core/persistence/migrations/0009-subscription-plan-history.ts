import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';

/**
 * Which plan a subscription held, and since when: WAP can move a subscription to another plan
 * (its billing feed then reports the subscription with a new `PlanId`), and the invoice of that
 * period prorates each plan over the time it was held. One row per plan change, beside the state
 * history. Existing subscriptions get one row: their current plan since their first state change
 * (or creation), which is what the invoicer assumed before this table.
 */
export const subscriptionPlanHistory: Migration = {
  name: '0009-subscription-plan-history',
  async up({ queryInterface }) {
    await queryInterface.createTable('subscription_plan_changes', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      subscription_id: { type: DataTypes.STRING(64), allowNull: false },
      plan_id: { type: DataTypes.STRING(128), allowNull: false },
      changed_at: { type: DataTypes.DATE, allowNull: false },
      source: { type: DataTypes.STRING(64), allowNull: false },
    });
    await queryInterface.addIndex('subscription_plan_changes', ['subscription_id', 'changed_at'], { name: 'subscription_plan_changes_by_subscription' });
    await queryInterface.sequelize.query(
      `INSERT INTO subscription_plan_changes (subscription_id, plan_id, changed_at, source)
       SELECT s.id, s.plan_id, COALESCE(MIN(c.changed_at), s.created_at), 'migration'
       FROM subscriptions s LEFT JOIN subscription_state_changes c ON c.subscription_id = s.id
       WHERE s.plan_id IS NOT NULL
       GROUP BY s.id, s.plan_id, s.created_at`,
    );
  },
  async down({ queryInterface }) {
    await queryInterface.dropTable('subscription_plan_changes');
  },
};
