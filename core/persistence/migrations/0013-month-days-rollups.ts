import type { Migration } from '../migration';
import type { StoredPartial } from '../../usage/metering/aggregation/stored-partial';
import { DAYS_OF_MONTH, slotNumber, slotStart, stateOf, storedPartialOf, type SlotLayout, type StoredSlots } from '../../usage/store/stored-slots';
import { copyBySubscription, createRollupTable, sortedByKey, type RollupRow } from './0011-deferred-rollups';

/**
 * The tenant's drill-down by resource over most of a month read a daily row per resource and day
 * (five VMs: 140 rows) and parsed every one; its p99 missed its mark over 5 million records
 * (`npm run bench`). `usage_rollups_days` replaces `usage_rollups_daily`: one row per
 * subscription, resource and UTC month holds that month's days (see `StoredDays`), as an hours
 * row holds a day's hours (0011).
 */
export const monthDaysRollups: Migration = {
  name: '0013-month-days-rollups',
  async up({ queryInterface }) {
    await createRollupTable(queryInterface, 'usage_rollups_days');
    await copyBySubscription(queryInterface, 'usage_rollups_daily', 'usage_rollups_days', (rows) => bucketsIntoSlots(DAYS_OF_MONTH, rows));
    await queryInterface.dropTable('usage_rollups_daily');
  },
  async down({ queryInterface }) {
    await createRollupTable(queryInterface, 'usage_rollups_daily');
    await copyBySubscription(queryInterface, 'usage_rollups_days', 'usage_rollups_daily', (rows) => slotsIntoBuckets(DAYS_OF_MONTH, rows));
    await queryInterface.dropTable('usage_rollups_days');
  },
};

/** Rows of one bucket each (`{ meterId: StoredPartial }`) gathered into the rows of slots that hold them. */
function bucketsIntoSlots(layout: SlotLayout, rows: readonly RollupRow[]): RollupRow[] {
  const gathered = new Map<string, { row: RollupRow; meters: Map<string, { a: StoredPartial['aggregation']; states: Record<string, unknown> }> }>();
  for (const row of rows) {
    const bucket = new Date(row.bucket_start).getTime();
    const start = layout.rowStartOf(bucket);
    const key = `${row.resource_id}\u0000${start}`;
    let held = gathered.get(key);
    if (!held) gathered.set(key, (held = { row: { ...row, bucket_start: new Date(start) }, meters: new Map() }));
    for (const [meterId, stored] of Object.entries(JSON.parse(row.partials) as Record<string, StoredPartial>)) {
      let meter = held.meters.get(meterId);
      if (!meter) held.meters.set(meterId, (meter = { a: stored.aggregation, states: {} }));
      meter.states[String(slotNumber(layout, start, bucket))] = stateOf(stored);
    }
  }
  return [...gathered.values()].map(({ row, meters }) => ({
    ...row,
    partials: JSON.stringify(sortedByKey(Object.fromEntries([...meters].map(([id, { a, states }]) => [id, { a, [layout.field]: states }])))),
  }));
}

/** Rows of slots spread back into a row per bucket. */
function slotsIntoBuckets(layout: SlotLayout, rows: readonly RollupRow[]): RollupRow[] {
  return rows.flatMap((row) => {
    const start = new Date(row.bucket_start).getTime();
    const buckets = new Map<number, Record<string, StoredPartial>>();
    for (const [meterId, meter] of Object.entries(JSON.parse(row.partials) as StoredSlots<string>)) {
      const states = meter[layout.field];
      for (const slot in states) {
        const meters = buckets.get(Number(slot)) ?? {};
        meters[meterId] = storedPartialOf(meter.a, states[slot]);
        buckets.set(Number(slot), meters);
      }
    }
    return [...buckets].map(([slot, meters]) => ({ ...row, bucket_start: new Date(slotStart(layout, start, slot)), partials: JSON.stringify(sortedByKey(meters)) }));
  });
}
