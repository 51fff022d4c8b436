import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import { rollupUsage } from '../../../core/usage/metering/aggregation/rollup';
import { countsIn } from '../../../core/usage/metering/aggregation/period';
import { toStoredPartial } from '../../../core/usage/metering/aggregation/stored-partial';
import { RollupAccumulator, regroupByMonthDays, rollupChanges, type MeterSlots, type RollupChanges } from '../../../core/usage/store/rollup-changes';
import { asPartial, type RollupPartial } from '../../../core/usage/store/exact-slot';
import { usage } from './usage-rows';

describe('rollup changes of new usage', () => {
  // Inside one hour, across an hour, across midnight, a whole day, a reading on the hour, no resource.
  const intervals = [
    ['2025-03-10T10:05:00Z', '2025-03-10T10:50:00Z'], ['2025-03-10T10:30:00Z', '2025-03-10T12:15:00Z'],
    ['2025-03-10T23:30:00Z', '2025-03-11T00:30:00Z'], ['2025-03-10T00:00:00Z', '2025-03-11T00:00:00Z'],
    ['2025-03-10T11:00:00Z', '2025-03-10T11:00:00Z'], ['2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z'],
  ];
  const meters = {
    'test.sum': Aggregation.Sum, 'test.average': Aggregation.Average, 'test.weighted': Aggregation.TimeWeighted, 'test.max': Aggregation.Max,
    'test.unique': Aggregation.UniqueCount, 'test.latest': Aggregation.Latest,
  } as const;
  // Sums, time-weighted levels and maxima add up in exact slots, unique counts in sets; a quantity
  // of 10^15 or more, and the other aggregations, fold through decimals: the two kinds meet in the
  // same buckets here.
  const quantityOf = (i: number) => (i === 1 ? '1000000000000000.000000000001' : `${i + 1}.25`);
  const rows = Object.keys(meters).flatMap((meterId) => intervals.map(([start, end], i) => ({
    ...usage(start, end, quantityOf(i), { resourceId: i === 4 ? null : `res-${i % 2}`, eventId: String(100 + i) }),
    meterId,
  })));
  const changes = rollupChanges(rows, (meterId) => meters[meterId as keyof typeof meters], 'usage');

  // The partials a grain's changes hold for one resource and bucket, by meter: an hours row holds a day.
  const held = {
    hour: (resourceId: string, from: Date) => {
      const day = Math.floor(from.getTime() / 86_400_000) * 86_400_000;
      const row = changes.hour.find((c) => c.resourceId === resourceId && c.bucketStart.getTime() === day);
      return row && bySlot(row.meters).get((from.getTime() - day) / 3_600_000);
    },
    day: (resourceId: string, from: Date) => changes.day.find((c) => c.resourceId === resourceId && c.bucketStart.getTime() === from.getTime())?.partials,
  };
  const sizes = {
    hour: changes.hour.reduce((n, c) => n + [...bySlot(c.meters).values()].reduce((m, partials) => m + partials.size, 0), 0),
    day: changes.day.reduce((n, c) => n + c.partials.size, 0),
  };

  for (const grain of ['hour', 'day'] as const) {
    it(`hold, per ${grain}, resource and meter, the partial of rolling up that meter's rows of that resource`, () => {
      let compared = 0;
      for (const [meterId, aggregation] of Object.entries(meters)) {
        for (const resourceId of ['res-0', 'res-1', '']) {
          const series = rows.filter((r) => r.meterId === meterId && (r.resourceId ?? '') === resourceId);
          for (const bucket of rollupUsage(aggregation, series, grain)) {
            const partial = held[grain](resourceId, bucket.from)?.get(meterId);
            expect(toStoredPartial(asPartial(partial!)), `${meterId} ${resourceId} ${bucket.from.toISOString()}`).to.deep.equal(toStoredPartial(bucket.partial));
            compared++;
          }
        }
      }
      expect(compared).to.equal(sizes[grain]);
    });
  }

  it('come out the same when the usage is added a page at a time', () => {
    const aggregationOf = (meterId: string) => meters[meterId as keyof typeof meters];
    const accumulator = new RollupAccumulator(aggregationOf, 'usage');
    // Pages cut across meters and resources, so that later pages add to rows earlier ones began.
    for (let i = 0; i < rows.length; i += 5) accumulator.add(rows.slice(i, i + 5));
    expect(accumulator.size).to.equal(rows.length);
    expect(stored(accumulator.changes())).to.deep.equal(stored(changes));
  });

  it('name the records behind each hours row once, with their feed, however many of their quantities and hours it holds', () => {
    const hour = 3_600_000;
    for (const change of changes.hour) {
      const day = change.bucketStart.getTime();
      const hoursOfDay = Array.from({ length: 24 }, (_, h) => ({ from: new Date(day + h * hour), to: new Date(day + (h + 1) * hour) }));
      const behind = rows.filter((r) => (r.resourceId ?? '') === change.resourceId && hoursOfDay.some((h) => countsIn(r, h))).map((r) => r.eventId);
      expect(change.feed).to.equal('usage');
      expect(change.eventIds, `${change.resourceId} ${change.bucketStart.toISOString()}`).to.deep.equal([...new Set(behind)]);
    }
    // The records across midnight are behind both days' rows.
    expect(changes.hour.filter((c) => c.eventIds.includes('102')).map((c) => c.bucketStart.toISOString())).to.deep.equal(['2025-03-10T00:00:00.000Z', '2025-03-11T00:00:00.000Z']);
  });

  it('gather each resource\'s days into one change per UTC month, under their days of the month', () => {
    // The same days again 31 days on (10 and 11 April): each resource has a row in both months.
    const days = [...changes.day, ...changes.day.map((c) => ({ ...c, bucketStart: new Date(c.bucketStart.getTime() + 31 * 86_400_000) }))];
    const months = regroupByMonthDays(days);
    expect(months.map((m) => `${m.resourceId}|${m.bucketStart.toISOString().slice(0, 10)}|${[...bySlot(m.meters).keys()].join(',')}`).sort()).to.deep.equal([
      'res-0|2025-03-01|10,11', 'res-0|2025-04-01|10,11', 'res-1|2025-03-01|10', 'res-1|2025-04-01|10', '|2025-03-01|10', '|2025-04-01|10',
    ]);
    for (const day of days) {
      const month = months.find((m) => m.resourceId === day.resourceId && m.bucketStart.getUTCMonth() === day.bucketStart.getUTCMonth())!;
      const held = bySlot(month.meters).get(day.bucketStart.getUTCDate())!;
      expect([...held.keys()]).to.have.members([...day.partials.keys()]);
      for (const [meterId, partial] of day.partials) expect(toStoredPartial(asPartial(held.get(meterId)!))).to.deep.equal(toStoredPartial(asPartial(partial)));
    }
  });
});

/** Changes with their partials as stored, comparable with deep equality. */
function stored(changes: RollupChanges) {
  return {
    hour: changes.hour.map((c) => ({ ...c, meters: [...bySlot(c.meters)].map(([hour, partials]) => [hour, [...partials].map(([m, p]) => [m, toStoredPartial(asPartial(p))])]) })),
    day: changes.day.map((c) => ({ ...c, partials: [...c.partials].map(([m, p]) => [m, toStoredPartial(asPartial(p))]) })),
  };
}

/** A row's partials by slot number, then by meter: the slots in order, each meter in the order it was added. */
function bySlot(meters: ReadonlyMap<string, MeterSlots>): Map<number, Map<string, RollupPartial>> {
  const slots = new Map<number, Map<string, RollupPartial>>();
  for (const [meterId, { slots: partials }] of meters) {
    partials.forEach((partial, slot) => {
      if (partial === undefined) return;
      if (!slots.has(slot)) slots.set(slot, new Map());
      slots.get(slot)!.set(meterId, partial);
    });
  }
  return new Map([...slots].sort(([a], [b]) => a - b));
}
