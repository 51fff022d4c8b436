import { expect } from 'chai';
import { rollupSpans } from '../../../core/usage/store/rollup-spans';

const iso = (p: { from: Date; to: Date } | undefined) => p && `${p.from.toISOString()}/${p.to.toISOString()}`;

describe('which rollups answer a period', () => {
  it('reads whole days from the daily rollups and the edge hours from the hourly ones', () => {
    // March in UTC+2: starts 22:00 on Feb 28 and ends 22:00 on Mar 31 (UTC)
    const spans = rollupSpans({ from: new Date('2025-02-28T22:00:00Z'), to: new Date('2025-03-31T22:00:00Z') });
    expect(iso(spans.days)).to.equal('2025-03-01T00:00:00.000Z/2025-03-31T00:00:00.000Z');
    expect(spans.hours.map(iso)).to.deep.equal([
      '2025-02-28T22:00:00.000Z/2025-03-01T00:00:00.000Z',
      '2025-03-31T00:00:00.000Z/2025-03-31T22:00:00.000Z',
    ]);
  });

  it('reads a UTC month from daily rollups only', () => {
    const spans = rollupSpans({ from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') });
    expect(iso(spans.days)).to.equal('2025-03-01T00:00:00.000Z/2025-04-01T00:00:00.000Z');
    expect(spans.hours).to.deep.equal([]);
  });

  it('reads a period without a whole day from hourly rollups only', () => {
    const spans = rollupSpans({ from: new Date('2025-03-01T20:00:00Z'), to: new Date('2025-03-02T04:00:00Z') });
    expect(spans.days).to.equal(undefined);
    expect(spans.hours.map(iso)).to.deep.equal(['2025-03-01T20:00:00.000Z/2025-03-02T04:00:00.000Z']);
  });

  it('refuses a period that would cut an hourly bucket', () => {
    expect(() => rollupSpans({ from: new Date('2025-03-01T00:30:00Z'), to: new Date('2025-03-02T00:00:00Z') })).to.throw(RangeError);
  });
});
