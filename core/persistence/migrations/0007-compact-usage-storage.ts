import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';
import { meteredUsageColumns } from './0002-usage';
import { usageRollups } from './0003-usage-rollups';

const OLD_ROLLUP_TABLES = ['usage_rollups_hourly', 'usage_rollups_daily'] as const;
const ROLLUP_TABLES = [...OLD_ROLLUP_TABLES, 'usage_rollups_monthly'] as const;

/**
 * Fewer, wider rows for usage, measured by `npm run bench`: a metered_usage row per record and
 * meter, and a rollup row per meter, made the store write about twelve indexed rows per WAP
 * record. Now a record keeps what it metered in its own row (`metered`, JSON), and a rollup row
 * holds every meter of one resource and bucket (`partials`, JSON keyed by meter id). Monthly
 * rollups join the hourly and daily ones: a tenant's month then reads a row per resource, not 31.
 * No installation holds usage yet, so the old tables are dropped rather than copied.
 */
export const compactUsageStorage: Migration = {
  name: '0007-compact-usage-storage',
  async up({ queryInterface }) {
    await queryInterface.addColumn('usage_records', 'resource_id', { type: DataTypes.STRING(256), allowNull: true });
    await queryInterface.addColumn('usage_records', 'start_time', { type: DataTypes.DATE, allowNull: true });
    await queryInterface.addColumn('usage_records', 'end_time', { type: DataTypes.DATE, allowNull: true });
    // [[meterId, resourceId, quantity], …] exactly as metered; null while the record is quarantined.
    await queryInterface.addColumn('usage_records', 'metered', { type: DataTypes.TEXT, allowNull: true });
    await queryInterface.addIndex('usage_records', ['subscription_id', 'start_time'], { name: 'usage_records_by_subscription_time' });
    await queryInterface.dropTable('metered_usage');
    for (const table of OLD_ROLLUP_TABLES) await queryInterface.dropTable(table);
    for (const table of ROLLUP_TABLES) {
      await queryInterface.createTable(table, {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        subscription_id: { type: DataTypes.STRING(64), allowNull: false },
        bucket_start: { type: DataTypes.DATE, allowNull: false },
        // '' for usage without a resource: NULLs would not collide in the unique index.
        resource_id: { type: DataTypes.STRING(256), allowNull: false },
        // { meterId: toStoredPartial(…) }: what the bucket contributes to each meter.
        partials: { type: DataTypes.TEXT, allowNull: false },
      });
      // Subscription and time lead: every query asks for one subscription (or all) over a period.
      await queryInterface.addIndex(table, ['subscription_id', 'bucket_start', 'resource_id'], { name: `${table}_key`, unique: true });
    }
  },
  async down(context) {
    const { queryInterface, dialect } = context;
    for (const table of ROLLUP_TABLES) await queryInterface.dropTable(table);
    await usageRollups.up(context);
    await queryInterface.createTable('metered_usage', meteredUsageColumns(dialect));
    await queryInterface.removeIndex('usage_records', 'usage_records_by_subscription_time');
    for (const column of ['metered', 'end_time', 'start_time', 'resource_id']) await queryInterface.removeColumn('usage_records', column);
  },
};
