import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import { foldUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { combinePartials, type PartialAggregate } from '../../../core/usage/metering/aggregation/partial-aggregate';
import { toStoredPartial, type StoredPartial } from '../../../core/usage/metering/aggregation/stored-partial';
import { mergedPartialsJson, mergedSlotsJson, rollupPartialsJson, slotPartialsJson } from '../../../core/persistence/stores/rollup-partials-json';
import { addToSlot, asPartial, scaledQuantity, type RollupPartial } from '../../../core/usage/store/exact-slot';
import { DAYS_OF_MONTH, HOURS_OF_DAY, stateOf } from '../../../core/usage/store/stored-slots';
import type { MeterSlots } from '../../../core/usage/store/rollup-changes';
import { millisecondsInside } from '../../../core/usage/metering/aggregation/period';
import { period, usage } from '../metering/usage-rows';

/** What the rollup store wrote before partials were turned into JSON one by one. */
function objectJson(partials: ReadonlyMap<string, PartialAggregate>): string {
  const stored: Record<string, StoredPartial> = {};
  for (const [meterId, partial] of [...partials].sort(([a], [b]) => (a < b ? -1 : 1))) stored[meterId] = toStoredPartial(partial);
  return JSON.stringify(stored);
}

describe('the partials column of a rollup row', () => {
  const hour = period('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z');
  const rows = [
    usage('2025-03-10T09:30:00Z', '2025-03-10T10:45:00Z', '2.5', { resourceId: 'b' }),
    usage('2025-03-10T10:00:00Z', '2025-03-10T10:00:00Z', '7', { resourceId: null }),
  ];
  const partialOf = (aggregation: Aggregation) => foldUsage(aggregation, rows, hour);

  it('is the JSON of every meter\'s stored partial, meters in code-unit order', () => {
    const partials = new Map(Object.values(Aggregation).map((aggregation, i) => [`meter.${'fedcba'[i]}"${aggregation}`, partialOf(aggregation)]));
    expect(rollupPartialsJson(partials)).to.equal(objectJson(partials));
    expect(Object.keys(JSON.parse(rollupPartialsJson(partials)) as object)[0]).to.equal('meter.a"unique-count');
  });

  it('gives each row its own partials, whether the row before held the same ones or others', () => {
    const sum = partialOf(Aggregation.Sum);
    const rows = [
      new Map([['a', sum], ['b', partialOf(Aggregation.Max)]]),
      new Map([['a', sum], ['b', partialOf(Aggregation.Average)]]),
      new Map([['a', partialOf(Aggregation.TimeWeighted)], ['b', partialOf(Aggregation.Average)]]),
    ];
    expect(rows.map(rollupPartialsJson)).to.deep.equal(rows.map(objectJson));
  });

  it('puts meter ids that look like array indexes first, as JSON.stringify of an object does', () => {
    const partials = new Map([['b', partialOf(Aggregation.Max)], ['10', partialOf(Aggregation.Sum)], ['2', partialOf(Aggregation.Latest)]]);
    expect(rollupPartialsJson(partials)).to.equal(objectJson(partials));
    expect(Object.keys(JSON.parse(rollupPartialsJson(partials)) as object)).to.deep.equal(['2', '10', 'b']);
  });
});

/** Partials by slot then meter, as a change of a row of slots holds them: by meter, then slot. */
function byMeter(slots: ReadonlyMap<number, ReadonlyMap<string, RollupPartial>>): Map<string, MeterSlots> {
  const meters = new Map<string, { aggregation: RollupPartial['aggregation']; slots: RollupPartial[] }>();
  for (const [slot, partials] of slots) {
    for (const [meterId, partial] of partials) {
      if (!meters.has(meterId)) meters.set(meterId, { aggregation: partial.aggregation, slots: [] });
      meters.get(meterId)!.slots[slot] = partial;
    }
  }
  return meters;
}

/** The slots as JSON.stringify writes the object the column holds, its slots under `field`. */
function slotsObjectJson(field: string, slots: ReadonlyMap<number, ReadonlyMap<string, RollupPartial>>): string {
  const stored: Record<string, { a: string } & Record<string, Record<string, unknown>>> = {};
  for (const [slot, meters] of [...slots].sort(([a], [b]) => a - b)) {
    for (const [meterId, partial] of [...meters].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const whole = toStoredPartial(asPartial(partial));
      (stored[meterId] ??= { a: whole.aggregation, [field]: {} } as { a: string } & Record<string, Record<string, unknown>>)[field][slot] = stateOf(whole);
    }
  }
  return JSON.stringify(Object.fromEntries(Object.entries(stored).sort(([a], [b]) => (a < b ? -1 : 1))));
}

describe('the partials column of an hours row', () => {
  const hour = (h: number) => period(`2025-03-10T${String(h).padStart(2, '0')}:00:00Z`, `2025-03-10T${String(h + 1).padStart(2, '0')}:00:00Z`);
  const rowsIn = (h: number) => [
    usage(`2025-03-10T${String(h).padStart(2, '0')}:00:00Z`, `2025-03-10T${String(h).padStart(2, '0')}:45:00Z`, `${h}.5`, { resourceId: 'b' }),
  ];

  it('holds each meter once, its hours in order, whether exact slots or decimals hold them', () => {
    const hours = new Map<number, Map<string, RollupPartial>>();
    for (const h of [13, 2, 7]) {
      const meters = new Map<string, RollupPartial>();
      for (const aggregation of Object.values(Aggregation)) meters.set(`meter.${aggregation}`, foldUsage(aggregation, rowsIn(h), hour(h)));
      // the same sums, time-weighted levels and maxima as exact slots, under other ids
      for (const aggregation of [Aggregation.Sum, Aggregation.TimeWeighted, Aggregation.Max] as const) {
        const [row] = rowsIn(h);
        const slot = addToSlot(undefined, aggregation, scaledQuantity(row.quantity.toString())!, row.end.getTime() - row.start.getTime(), millisecondsInside(row, hour(h)));
        meters.set(`exact.${aggregation}`, slot);
        expect(toStoredPartial(asPartial(slot))).to.deep.equal(toStoredPartial(foldUsage(aggregation, rowsIn(h), hour(h))));
      }
      hours.set(h, meters);
    }
    expect(slotPartialsJson(HOURS_OF_DAY, byMeter(hours))).to.equal(slotsObjectJson('h', hours));
    expect(Object.keys((JSON.parse(slotPartialsJson(HOURS_OF_DAY, byMeter(hours))) as Record<string, { h: object }>)['exact.sum'].h)).to.deep.equal(['2', '7', '13']);
  });
});

describe('the partials column of a days row', () => {
  const day = (d: number) => period(`2025-03-${String(d).padStart(2, '0')}T00:00:00Z`, new Date(Date.UTC(2025, 2, d + 1)).toISOString());
  const rowsIn = (d: number) => [
    usage(`2025-03-${String(d).padStart(2, '0')}T06:00:00Z`, `2025-03-${String(d).padStart(2, '0')}T07:30:00Z`, `${d}.25`, { resourceId: `vm-${d % 2}` }),
  ];
  const days = new Map<number, Map<string, RollupPartial>>();
  for (const d of [31, 1, 17]) {
    const [row] = rowsIn(d);
    days.set(d, new Map<string, RollupPartial>([
      ['vm.count', foldUsage(Aggregation.UniqueCount, rowsIn(d), day(d))],
      ['vm.last-reading', foldUsage(Aggregation.Latest, rowsIn(d), day(d))],
      // a meter id that looks like an array index, as an exact slot
      ['7', addToSlot(undefined, Aggregation.Sum, scaledQuantity(row.quantity.toString())!, row.end.getTime() - row.start.getTime(), millisecondsInside(row, day(d)))],
      ['vm.hours', foldUsage(Aggregation.Sum, rowsIn(d), day(d))],
    ]));
  }

  it('is exactly what JSON.stringify makes of the object, each meter once, its days of the month in order', () => {
    const json = slotPartialsJson(DAYS_OF_MONTH, byMeter(days));
    expect(json).to.equal(slotsObjectJson('d', days));
    const stored = JSON.parse(json) as Record<string, { a: string; d: object }>;
    expect(Object.keys(stored)).to.deep.equal(['7', 'vm.count', 'vm.hours', 'vm.last-reading']);
    expect(Object.keys(stored['vm.last-reading'].d)).to.deep.equal(['1', '17', '31']);
  });

  it('writes the same without the meter that looks like an array index', () => {
    const named = new Map([...days].map(([d, meters]) => [d, new Map([...meters].filter(([id]) => id !== '7'))]));
    expect(slotPartialsJson(DAYS_OF_MONTH, byMeter(named))).to.equal(slotsObjectJson('d', named));
  });
});

describe('a stored rollup row with new partials added', () => {
  const hour = (h: number) => period(`2025-03-10T${String(h).padStart(2, '0')}:00:00Z`, `2025-03-10T${String(h + 1).padStart(2, '0')}:00:00Z`);
  const rowsIn = (h: number, quantity: string) => [
    usage(`2025-03-10T${String(h).padStart(2, '0')}:00:00Z`, `2025-03-10T${String(h).padStart(2, '0')}:45:00Z`, quantity, { resourceId: 'b' }),
    usage(`2025-03-10T${String(h).padStart(2, '0')}:30:00Z`, `2025-03-10T${String(h + 1).padStart(2, '0')}:30:00Z`, quantity, { resourceId: 'c' }),
  ];
  /** Every aggregation folded with decimals, and the exact ones also as exact slots, for the rows of one hour. */
  const metersOf = (h: number, quantity: string, ids: readonly string[]) => {
    const meters = new Map<string, RollupPartial>();
    for (const aggregation of Object.values(Aggregation)) meters.set(`${ids[0]}.${aggregation}`, foldUsage(aggregation, rowsIn(h, quantity), hour(h)));
    for (const aggregation of [Aggregation.Sum, Aggregation.TimeWeighted, Aggregation.Max] as const) {
      let slot: RollupPartial | undefined;
      for (const row of rowsIn(h, quantity)) slot = addToSlot(slot as never, aggregation, scaledQuantity(row.quantity.toString())!, row.end.getTime() - row.start.getTime(), millisecondsInside(row, hour(h)));
      meters.set(`${ids[1]}.${aggregation}`, slot!);
    }
    return meters;
  };
  /** What the store wrote before: every partial combined with decimals, the whole row written anew. */
  const combined = (a: ReadonlyMap<string, RollupPartial>, b: ReadonlyMap<string, RollupPartial>) => {
    const all = new Map<string, PartialAggregate>([...a].map(([id, p]) => [id, asPartial(p)]));
    for (const [id, p] of b) all.set(id, all.has(id) ? combinePartials(all.get(id)!, asPartial(p)) : asPartial(p));
    return all;
  };

  it('is the row written anew with each meter combined, untouched meters as they were, a new meter in its place', () => {
    const stored = metersOf(9, '2.5', ['meter', 'exact']);
    // Overlapping meters (decimals onto decimals, slots onto slots) and new ones, one of them index-like.
    const added = metersOf(9, '1.25', ['meter', 'exact']);
    added.delete('meter.latest');
    // A slot onto the decimals of the same meter.
    added.set('meter.sum', metersOf(9, '4', ['x', 'y']).get('y.sum')!);
    added.set('10', foldUsage(Aggregation.Max, rowsIn(9, '3'), hour(9)));
    added.set('a.first', foldUsage(Aggregation.Sum, rowsIn(9, '3'), hour(9)));
    const json = mergedPartialsJson(rollupPartialsJson(stored), added);
    expect(json).to.equal(objectJson(combined(stored, added)));
    expect(Object.keys(JSON.parse(json) as object).slice(0, 2)).to.deep.equal(['10', 'a.first']);
  });

  it('is a row of slots written anew with each slot and meter combined, and new slots in order', () => {
    const stored = new Map([[3, metersOf(3, '2.5', ['meter', 'exact'])], [12, metersOf(12, '7', ['meter', 'exact'])]]);
    const added = new Map([[12, metersOf(12, '0.125', ['meter', 'exact'])], [5, metersOf(5, '1', ['other', 'exact'])]]);
    const expected = new Map<number, Map<string, RollupPartial>>();
    for (const slot of new Set([...stored.keys(), ...added.keys()])) expected.set(slot, combined(stored.get(slot) ?? new Map(), added.get(slot) ?? new Map()));
    const json = mergedSlotsJson(HOURS_OF_DAY, slotPartialsJson(HOURS_OF_DAY, byMeter(stored)), byMeter(added));
    expect(json).to.equal(slotsObjectJson('h', expected));
    expect(Object.keys((JSON.parse(json) as Record<string, { h: object }>)['exact.sum'].h)).to.deep.equal(['3', '5', '12']);
  });
});
