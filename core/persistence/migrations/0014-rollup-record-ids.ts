import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from '../migration';
import type { DialectName } from '../database-url';
import { parseMetered } from '../../usage/store/metered-column';
import { bigintAsText, readBigint, readDate, select } from '../stores/sequelize-usage-sql';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The drill-down to the records behind a resource's total read them through an index of every
 * record by subscription and start time (0007). A page's records belong to a hundred
 * subscriptions, so keeping that index wrote a hundred scattered pages for each page stored, and
 * storing a page took a fifth longer for it (`npm run bench`). Now each hours row names the
 * records behind it (`event_ids`, see `rollup-record-ids`), and the drill-down reads them by
 * their key. The hours rows already stored are given their records, a subscription at a time,
 * through the index, before it goes.
 */
export const rollupRecordIds: Migration = {
  name: '0014-rollup-record-ids',
  async up({ queryInterface, dialect }) {
    await queryInterface.addColumn('usage_rollups_hours', 'event_ids', { type: DataTypes.TEXT, allowNull: true });
    await nameRecordsBehindHours(queryInterface, dialect);
    await queryInterface.removeIndex('usage_records', 'usage_records_by_subscription_time');
  },
  async down({ queryInterface, dialect }) {
    await queryInterface.addIndex('usage_records', ['subscription_id', 'start_time'], { name: 'usage_records_by_subscription_time' });
    // Sequelize drops a SQLite column by rebuilding the table, which fails on this one with a validation error; SQLite has had DROP COLUMN since 3.35.
    if (dialect === 'sqlite') await queryInterface.sequelize.query('ALTER TABLE usage_rollups_hours DROP COLUMN event_ids');
    else await queryInterface.removeColumn('usage_rollups_hours', 'event_ids');
  },
};

interface RecordRow {
  feed: string;
  event_id: string | number;
  start_time: Date | string;
  end_time: Date | string;
  resource_id: string | null;
  metered: string;
}

/** Every hours row's `event_ids`: the rolled-up records with usage of its resource in its day (a record counts in each hour it overlaps). */
async function nameRecordsBehindHours(queryInterface: QueryInterface, dialect: DialectName): Promise<void> {
  const sequelize = queryInterface.sequelize;
  const marks = new Map((await select<{ feed: string; rolled_up_to: string | number }>(
    sequelize, 'SELECT feed, rolled_up_to FROM feed_watermarks WHERE rolled_up_to IS NOT NULL',
  )).map((r) => [r.feed, BigInt(readBigint(r.rolled_up_to))]));
  if (marks.size === 0) return;
  const subscriptions = await select<{ subscription_id: string }>(
    sequelize, 'SELECT DISTINCT subscription_id FROM usage_records WHERE metered IS NOT NULL AND subscription_id IS NOT NULL',
  );
  for (const { subscription_id: subscriptionId } of subscriptions) {
    const records = await select<RecordRow>(
      sequelize,
      `SELECT feed, ${bigintAsText(dialect, 'event_id', 'event_id')}, start_time, end_time, resource_id, metered FROM usage_records
       WHERE subscription_id = :subscriptionId AND metered IS NOT NULL ORDER BY feed, event_id`,
      undefined,
      { subscriptionId },
    );
    // By resource and day, then by feed: the records, each once.
    const rows = new Map<string, { resourceId: string; day: number; byFeed: Map<string, Set<string>> }>();
    for (const record of records) {
      const eventId = readBigint(record.event_id);
      const mark = marks.get(record.feed);
      // Records of a feed's tail are named by the roll-up that takes them.
      if (mark === undefined || BigInt(eventId) >= mark) continue;
      const start = readDate(record.start_time).getTime();
      const end = readDate(record.end_time).getTime();
      const lastHour = Math.floor((end === start ? start : end - 1) / HOUR) * HOUR;
      for (const [, resource] of parseMetered(record.metered, record.resource_id)) {
        for (let day = Math.floor(start / DAY) * DAY; day <= lastHour; day += DAY) {
          const key = `${resource ?? ''}\u0000${day}`;
          let row = rows.get(key);
          if (!row) rows.set(key, (row = { resourceId: resource ?? '', day, byFeed: new Map() }));
          const ids = row.byFeed.get(record.feed) ?? new Set<string>();
          ids.add(eventId);
          row.byFeed.set(record.feed, ids);
        }
      }
    }
    for (const { resourceId, day, byFeed } of rows.values()) {
      const eventIds = JSON.stringify(Object.fromEntries([...byFeed].map(([feed, ids]) => [feed, [...ids].join(',')])));
      await sequelize.query(
        'UPDATE usage_rollups_hours SET event_ids = :eventIds WHERE subscription_id = :subscriptionId AND resource_id = :resourceId AND bucket_start = :day',
        { replacements: { eventIds, subscriptionId, resourceId, day: new Date(day) } },
      );
    }
  }
}
