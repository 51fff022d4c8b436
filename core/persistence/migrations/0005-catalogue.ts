import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';

/**
 * The catalogue mirror fed by the six billing feeds. Times are DATE(3): out-of-order events are
 * told apart by their times, and MariaDB's plain DATETIME would drop the milliseconds that may be
 * all that separates two of them. `last_event_*` is the newest event applied to the row.
 */
export const catalogue: Migration = {
  name: '0005-catalogue',
  async up({ queryInterface }) {
    const lastEvent = {
      last_event_id: { type: DataTypes.BIGINT, allowNull: false },
      last_event_at: { type: DataTypes.DATE(3), allowNull: false },
    };
    // Keyed by WAP's own ids; display name and state stay null until an event tells them.
    for (const table of ['plans', 'add_ons']) {
      await queryInterface.createTable(table, {
        id: { type: DataTypes.STRING(128), primaryKey: true },
        display_name: { type: DataTypes.STRING(256), allowNull: true },
        state: { type: DataTypes.INTEGER, allowNull: true },
        deleted_at: { type: DataTypes.DATE(3), allowNull: true },
        ...lastEvent,
      });
    }
    await queryInterface.createTable('plan_services', {
      plan_id: { type: DataTypes.STRING(128), primaryKey: true },
      service_instance_id: { type: DataTypes.STRING(128), primaryKey: true },
      service_name: { type: DataTypes.STRING(128), allowNull: true },
      service_display_name: { type: DataTypes.STRING(256), allowNull: true },
      removed_at: { type: DataTypes.DATE(3), allowNull: true },
      ...lastEvent,
    });
    await queryInterface.createTable('plan_add_ons', {
      plan_id: { type: DataTypes.STRING(128), primaryKey: true },
      add_on_id: { type: DataTypes.STRING(128), primaryKey: true },
      removed_at: { type: DataTypes.DATE(3), allowNull: true },
      ...lastEvent,
    });
    // One row per add-on instance: it was held over [added_at, removed_at).
    await queryInterface.createTable('subscription_add_ons', {
      subscription_id: { type: DataTypes.STRING(64), primaryKey: true },
      instance_id: { type: DataTypes.STRING(64), primaryKey: true },
      add_on_id: { type: DataTypes.STRING(128), allowNull: false },
      added_at: { type: DataTypes.DATE(3), allowNull: true },
      removed_at: { type: DataTypes.DATE(3), allowNull: true },
      ...lastEvent,
    });
    // The feed's bookkeeping beside `subscriptions`: the newest event applied, and what a PATCH
    // told about a subscription whose owner is not known yet (JSON), until its POST arrives.
    await queryInterface.createTable('subscription_feed_marks', {
      subscription_id: { type: DataTypes.STRING(64), primaryKey: true },
      pending: { type: DataTypes.TEXT, allowNull: true },
      ...lastEvent,
    });
  },
  async down({ queryInterface }) {
    for (const table of ['subscription_feed_marks', 'subscription_add_ons', 'plan_add_ons', 'plan_services', 'add_ons', 'plans']) {
      await queryInterface.dropTable(table);
    }
  },
};
