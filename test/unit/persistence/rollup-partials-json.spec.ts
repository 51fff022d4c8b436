import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import { foldUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import type { PartialAggregate } from '../../../core/usage/metering/aggregation/partial-aggregate';
import { toStoredPartial, type StoredPartial } from '../../../core/usage/metering/aggregation/stored-partial';
import { rollupPartialsJson } from '../../../core/persistence/stores/rollup-partials-json';
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
