import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import type { MeteredUsage } from '../../../core/usage/metering/metered-usage';
import { aggregateUsage, foldUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { regroupRollups, rollupUsage, totalOfRollups } from '../../../core/usage/metering/aggregation/rollup';
import { fromStoredPartial, toStoredPartial } from '../../../core/usage/metering/aggregation/stored-partial';
import { APRIL_2025, MARCH_2025, period, usage } from './usage-rows';

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Rows that test the edges: lengths in odd seconds (shares that do not terminate), records
 * straddling hours, days and both month boundaries, zero-length readings, rows without a resource.
 */
function awkwardRows(seed: number, count: number): MeteredUsage[] {
  const next = random(seed);
  const base = Date.parse('2025-02-27T00:00:00Z');
  const span = Date.parse('2025-04-03T00:00:00Z') - base;
  const rows: MeteredUsage[] = [];
  for (let i = 0; i < count; i++) {
    const start = base + Math.floor(next() * span / 1000) * 1000;
    const lengths = [0, 3_600_000, 7_000_000, 86_400_000 + 1000, Math.floor(next() * 200_000) * 1000];
    const end = start + lengths[Math.floor(next() * lengths.length)];
    const quantity = `${Math.floor(next() * 10000)}.${Math.floor(next() * 1000)}`;
    const resourceId = next() < 0.2 ? null : `res-${Math.floor(next() * 7)}`;
    rows.push(usage(new Date(start).toISOString(), new Date(end).toISOString(), quantity, { resourceId, eventId: String(1000 + i) }));
  }
  return rows;
}

const AGGREGATIONS = Object.values(Aggregation);

describe('rollup partials', () => {
  describe('combined over a month, give the same quantity as folding the raw rows', () => {
    for (const aggregation of AGGREGATIONS) {
      it(`for ${aggregation}, from hourly buckets, from daily buckets and from hourly regrouped into days`, () => {
        for (const seed of [1, 2, 3]) {
          const rows = awkwardRows(seed, 150);
          for (const month of [MARCH_2025, APRIL_2025]) {
            const raw = aggregateUsage(aggregation, rows, month).toString();
            const hourly = rollupUsage(aggregation, rows, 'hour');
            expect(totalOfRollups(aggregation, hourly, month).toString(), `hourly, seed ${seed}`).to.equal(raw);
            expect(totalOfRollups(aggregation, rollupUsage(aggregation, rows, 'day'), month).toString(), `daily, seed ${seed}`).to.equal(raw);
            expect(totalOfRollups(aggregation, regroupRollups(hourly, 'day'), month).toString(), `regrouped, seed ${seed}`).to.equal(raw);
          }
        }
      });
    }
  });

  describe('give each bucket exactly the partial of folding the rows into that bucket alone', () => {
    for (const aggregation of AGGREGATIONS) {
      it(`for ${aggregation}, also where a row covers many buckets wholly`, () => {
        const rows = awkwardRows(5, 60);
        for (const grain of ['hour', 'day'] as const) {
          for (const bucket of rollupUsage(aggregation, rows, grain)) {
            const folded = foldUsage(aggregation, rows, { from: bucket.from, to: bucket.to });
            expect(toStoredPartial(bucket.partial), `${grain} from ${bucket.from.toISOString()}`).to.deep.equal(toStoredPartial(folded));
          }
        }
      });
    }
  });

  it('keeps the quantity of a sum that does not terminate identical to the raw fold', () => {
    // 7 over 3 h, 1 h of it in March: 7 × 1/3 = 2.333…; the hourly buckets hold 7 × 3 600 000 ms ÷ 10 800 000 ms
    const rows = [usage('2025-03-31T23:00:00Z', '2025-04-01T02:00:00Z', '7')];
    expect(totalOfRollups(Aggregation.Sum, rollupUsage(Aggregation.Sum, rows, 'hour'), MARCH_2025).toString())
      .to.equal('2.' + '3'.repeat(39));
  });

  it('splits a time-weighted record into the hours it touches', () => {
    // 4 cores from 10:30 to 13:15: 0.5 h + 1 h + 1 h + 0.25 h = 2, 4, 4 and 1 core-hours
    const rows = [usage('2025-03-10T10:30:00Z', '2025-03-10T13:15:00Z', '4')];
    const buckets = rollupUsage(Aggregation.TimeWeighted, rows, 'hour');
    expect(buckets.map(b => b.from.toISOString().slice(11, 16))).to.deep.equal(['10:00', '11:00', '12:00', '13:00']);
    expect(buckets.map(b => totalOfRollups(Aggregation.TimeWeighted, [b], b).toString())).to.deep.equal(['2', '4', '4', '1']);
  });

  it('counts an average row that spans buckets once, not once per bucket', () => {
    // 3 over 3 hours, 6 within one hour: (3 + 6) / 2 = 4.5
    const rows = [usage('2025-03-10T10:00:00Z', '2025-03-10T13:00:00Z', '3'), usage('2025-03-10T11:00:00Z', '2025-03-10T11:30:00Z', '6')];
    expect(totalOfRollups(Aggregation.Average, rollupUsage(Aggregation.Average, rows, 'hour'), MARCH_2025).toString()).to.equal('4.5');
  });

  it('puts a zero-length reading only in the bucket of its start', () => {
    const buckets = rollupUsage(Aggregation.Max, [usage('2025-03-10T11:00:00Z', '2025-03-10T11:00:00Z', '5')], 'hour');
    expect(buckets.map(b => b.from.toISOString())).to.deep.equal(['2025-03-10T11:00:00.000Z']);
  });

  it('refuses a period that cuts a bucket, which cannot be split without its rows', () => {
    const daily = rollupUsage(Aggregation.Sum, [usage('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', '1')], 'day');
    expect(() => totalOfRollups(Aggregation.Sum, daily, period('2025-03-10T06:00:00Z', '2025-04-01T00:00:00Z'))).to.throw(RangeError);
  });

  it('refuses to combine partials of different aggregations', () => {
    const rows = [usage('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', '1')];
    const mixed = [...rollupUsage(Aggregation.Sum, rows, 'hour'), ...rollupUsage(Aggregation.Max, rows, 'hour')];
    expect(() => totalOfRollups(Aggregation.Sum, mixed, MARCH_2025)).to.throw(TypeError);
  });

  describe('stored as JSON', () => {
    for (const aggregation of AGGREGATIONS) {
      it(`gives back a ${aggregation} partial that finishes to the same quantity`, () => {
        const rows = awkwardRows(7, 80);
        const stored = rollupUsage(aggregation, rows, 'day').map(b => ({ ...b, partial: fromStoredPartial(JSON.parse(JSON.stringify(toStoredPartial(b.partial)))) }));
        expect(totalOfRollups(aggregation, stored, MARCH_2025).toString()).to.equal(aggregateUsage(aggregation, rows, MARCH_2025).toString());
      });
    }

    it('writes decimals as exact strings and sets in a stable order', () => {
      const rows = [
        usage('2025-03-10T10:00:00Z', '2025-03-10T10:45:00Z', '2', { resourceId: 'b' }),
        usage('2025-03-10T10:00:00Z', '2025-03-10T10:45:00Z', '2', { resourceId: 'a' }),
      ];
      const [bucket] = rollupUsage(Aggregation.TimeWeighted, rows, 'hour');
      // 2 × 2 700 000 ms, twice = 10 800 000
      expect(toStoredPartial(bucket.partial)).to.deep.equal({ aggregation: 'time-weighted', levelMilliseconds: '10800000' });
      expect(toStoredPartial(rollupUsage(Aggregation.UniqueCount, rows, 'hour')[0].partial))
        .to.deep.equal({ aggregation: 'unique-count', resources: ['a', 'b'] });
    });
  });
});
