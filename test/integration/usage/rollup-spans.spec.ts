import { expect } from 'chai';
import { rollupReads, type RollupRead } from '../../../core/usage/store/rollup-spans';

const text = (reads: RollupRead[]) => reads.map((r) => `${r.grain} ${r.from.toISOString()}/${r.to.toISOString()}`);

describe('which rollups answer a period', () => {
  it('reads whole days from the daily rollups and the edge hours from the hourly ones', () => {
    // March in UTC+2: starts 22:00 on Feb 28 and ends 22:00 on Mar 31 (UTC)
    expect(text(rollupReads({ from: new Date('2025-02-28T22:00:00Z'), to: new Date('2025-03-31T22:00:00Z') }))).to.deep.equal([
      'hour 2025-02-28T22:00:00.000Z/2025-03-01T00:00:00.000Z',
      'day 2025-03-01T00:00:00.000Z/2025-03-31T00:00:00.000Z',
      'hour 2025-03-31T00:00:00.000Z/2025-03-31T22:00:00.000Z',
    ]);
  });

  it('reads a UTC month from the monthly rollups only', () => {
    expect(text(rollupReads({ from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') }))).to.deep.equal([
      'month 2025-03-01T00:00:00.000Z/2025-04-01T00:00:00.000Z',
    ]);
  });

  it('reads whole months, the days around them and the edge hours, each instant once', () => {
    expect(text(rollupReads({ from: new Date('2025-01-20T06:00:00Z'), to: new Date('2025-04-03T12:00:00Z') }))).to.deep.equal([
      'hour 2025-01-20T06:00:00.000Z/2025-01-21T00:00:00.000Z',
      'day 2025-01-21T00:00:00.000Z/2025-02-01T00:00:00.000Z',
      'month 2025-02-01T00:00:00.000Z/2025-04-01T00:00:00.000Z',
      'day 2025-04-01T00:00:00.000Z/2025-04-03T00:00:00.000Z',
      'hour 2025-04-03T00:00:00.000Z/2025-04-03T12:00:00.000Z',
    ]);
  });

  it('never reads a coarser table than a series asks for', () => {
    const march = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
    expect(text(rollupReads(march, 'day'))).to.deep.equal(['day 2025-03-01T00:00:00.000Z/2025-04-01T00:00:00.000Z']);
    expect(text(rollupReads(march, 'hour'))).to.deep.equal(['hour 2025-03-01T00:00:00.000Z/2025-04-01T00:00:00.000Z']);
  });

  it('reads a period without a whole day from hourly rollups only', () => {
    expect(text(rollupReads({ from: new Date('2025-03-01T20:00:00Z'), to: new Date('2025-03-02T04:00:00Z') }))).to.deep.equal([
      'hour 2025-03-01T20:00:00.000Z/2025-03-02T04:00:00.000Z',
    ]);
  });

  it('refuses a period that would cut an hourly bucket', () => {
    expect(() => rollupReads({ from: new Date('2025-03-01T00:30:00Z'), to: new Date('2025-03-02T00:00:00Z') })).to.throw(RangeError);
  });
});
