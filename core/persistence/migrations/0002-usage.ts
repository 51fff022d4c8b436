import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';
import { exactDecimal } from '../exact-decimal';
import type { DialectName } from '../database-url';

/** metered_usage as 0002 made it; 0007 drops it, and its `down` makes it again. */
export function meteredUsageColumns(dialect: DialectName) {
  return {
    id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
    feed: { type: DataTypes.STRING(32), allowNull: false },
    event_id: { type: DataTypes.BIGINT, allowNull: false },
    subscription_id: { type: DataTypes.STRING(64), allowNull: false },
    meter_id: { type: DataTypes.STRING(128), allowNull: false },
    resource_id: { type: DataTypes.STRING(256), allowNull: false },
    start_time: { type: DataTypes.DATE, allowNull: false },
    end_time: { type: DataTypes.DATE, allowNull: false },
    quantity: { type: exactDecimal(dialect), allowNull: false },
  };
}

export const usage: Migration = {
  name: '0002-usage',
  async up({ queryInterface, dialect }) {
    // Every record exactly as WAP sent it; (feed, event_id) is what makes a repeated record a no-op.
    await queryInterface.createTable('usage_records', {
      feed: { type: DataTypes.STRING(32), primaryKey: true },
      event_id: { type: DataTypes.BIGINT, primaryKey: true },
      subscription_id: { type: DataTypes.STRING(64), allowNull: true },
      provider_name: { type: DataTypes.STRING(128), allowNull: true },
      payload: { type: DataTypes.TEXT, allowNull: false },
      received_at: { type: DataTypes.DATE, allowNull: false },
    });
    await queryInterface.createTable('quarantined_records', {
      feed: { type: DataTypes.STRING(32), primaryKey: true },
      event_id: { type: DataTypes.BIGINT, primaryKey: true },
      reason: { type: DataTypes.STRING(1000), allowNull: false },
      quarantined_at: { type: DataTypes.DATE, allowNull: false },
      released_at: { type: DataTypes.DATE, allowNull: true },
    });
    await queryInterface.createTable('metered_usage', meteredUsageColumns(dialect));
    await queryInterface.addIndex('metered_usage', ['subscription_id', 'meter_id', 'start_time'], {
      name: 'metered_usage_by_subscription_meter',
    });
    await queryInterface.addIndex('metered_usage', ['feed', 'event_id'], { name: 'metered_usage_by_record' });
    await queryInterface.createTable('feed_watermarks', {
      feed: { type: DataTypes.STRING(32), primaryKey: true },
      next_start_id: { type: DataTypes.BIGINT, allowNull: false },
      last_success_at: { type: DataTypes.DATE, allowNull: true },
      last_error: { type: DataTypes.STRING(1000), allowNull: true },
      last_error_at: { type: DataTypes.DATE, allowNull: true },
    });
    // One row per exclusive job (collector, invoice run): the holder renews it; others wait for expiry.
    await queryInterface.createTable('leases', {
      name: { type: DataTypes.STRING(64), primaryKey: true },
      holder: { type: DataTypes.STRING(128), allowNull: false },
      expires_at: { type: DataTypes.DATE, allowNull: false },
    });
  },
  async down({ queryInterface }) {
    for (const table of ['leases', 'feed_watermarks', 'metered_usage', 'quarantined_records', 'usage_records']) {
      await queryInterface.dropTable(table);
    }
  },
};
