import { DataTypes } from 'sequelize';
import type { Migration } from '../migration';
import { exactDecimal } from '../exact-decimal';

const ROLLUP_TABLES = ['usage_rollups_hourly', 'usage_rollups_daily'] as const;

export const usageRollups: Migration = {
  name: '0003-usage-rollups',
  async up({ queryInterface, dialect }) {
    for (const table of ROLLUP_TABLES) {
      // A surrogate key, not the four-column key: SQL Server caps a clustered key at 900 bytes,
      // and the store rewrites changed rows by deleting their ids and inserting them again.
      await queryInterface.createTable(table, {
        id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
        subscription_id: { type: DataTypes.STRING(64), allowNull: false },
        meter_id: { type: DataTypes.STRING(128), allowNull: false },
        // '' for usage without a resource: NULLs would not collide in the unique index.
        resource_id: { type: DataTypes.STRING(256), allowNull: false },
        bucket_start: { type: DataTypes.DATE, allowNull: false },
        // toStoredPartial's JSON: what the bucket contributes, combinable with its neighbours.
        partial: { type: DataTypes.TEXT, allowNull: false },
        // finishPartial of the bucket alone: for charts; totals over several buckets need `partial`.
        quantity: { type: exactDecimal(dialect), allowNull: false },
      });
      await queryInterface.addIndex(table, ['subscription_id', 'meter_id', 'resource_id', 'bucket_start'], {
        name: `${table}_key`,
        unique: true,
      });
      await queryInterface.addIndex(table, ['subscription_id', 'bucket_start'], { name: `${table}_by_subscription` });
    }
  },
  async down({ queryInterface }) {
    for (const table of [...ROLLUP_TABLES].reverse()) await queryInterface.dropTable(table);
  },
};
