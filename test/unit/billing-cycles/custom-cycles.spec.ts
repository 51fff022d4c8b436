import { expect } from 'chai';
import { hours, periodAt, periodsFrom, text } from './cycle-fixtures';

describe('custom cycles: weekly, every N days, quarterly, yearly', () => {
  it('runs a Monday week across the March DST change in New York: 167 hours', () => {
    const week = periodAt({ kind: 'weekly', weekday: 1 }, 'America/New_York', '2025-03-09T12:00:00Z');
    // Mon Mar 3 00:00 EST = 05:00Z; Mon Mar 10 00:00 EDT = 04:00Z; 7 × 24 − 1 = 167
    expect(text(week)).to.equal('2025-03-03T05:00:00.000Z → 2025-03-10T04:00:00.000Z');
    expect(hours(week)).to.equal(167);
  });

  it('runs Friday to Friday for a cycle on Fridays', () => {
    // Wed Mar 12 lies in the week of Fri Mar 7
    expect(text(periodAt({ kind: 'weekly', weekday: 5 }, 'UTC', '2025-03-12T09:00:00Z'))).to.equal('2025-03-07T00:00:00.000Z → 2025-03-14T00:00:00.000Z');
  });

  it('counts every 14 days from the anchor', () => {
    // Feb 10 is 35 days after Jan 6: ⌊35 ÷ 14⌋ = 2 periods, so it lies in Jan 6 + 28 = Feb 3 → Feb 17
    expect(periodsFrom({ kind: 'every-n-days', days: 14, anchor: '2025-01-06' }, 'UTC', '2025-02-10T12:00:00Z', 2)).to.deep.equal([
      '2025-02-03T00:00:00.000Z → 2025-02-17T00:00:00.000Z',
      '2025-02-17T00:00:00.000Z → 2025-03-03T00:00:00.000Z',
    ]);
  });

  it('counts every 14 days backwards before the anchor', () => {
    // Dec 30 is 7 days before Jan 6: ⌊−7 ÷ 14⌋ = −1, so Jan 6 − 14 = Dec 23 → Jan 6
    expect(text(periodAt({ kind: 'every-n-days', days: 14, anchor: '2025-01-06' }, 'UTC', '2024-12-30T00:00:00Z'))).to.equal('2024-12-23T00:00:00.000Z → 2025-01-06T00:00:00.000Z');
  });

  it('keeps every-14-days periods at local midnight across the October change in Berlin: 337 hours', () => {
    const period = periodAt({ kind: 'every-n-days', days: 14, anchor: '2025-10-20' }, 'Europe/Berlin', '2025-10-27T12:00:00Z');
    // Oct 20 00:00 CEST = Oct 19 22:00Z; Nov 3 00:00 CET = Nov 2 23:00Z; 14 × 24 + 1 = 337
    expect(text(period)).to.equal('2025-10-19T22:00:00.000Z → 2025-11-02T23:00:00.000Z');
    expect(hours(period)).to.equal(337);
  });

  it('runs calendar quarters, and quarters shifted to start in February', () => {
    expect(text(periodAt({ kind: 'quarterly' }, 'UTC', '2025-05-15T00:00:00Z'))).to.equal('2025-04-01T00:00:00.000Z → 2025-07-01T00:00:00.000Z');
    // Feb/May/Aug/Nov quarters: Jan 15 lies in Nov 1 → Feb 1
    expect(text(periodAt({ kind: 'quarterly', startMonth: 2 }, 'UTC', '2025-01-15T00:00:00Z'))).to.equal('2024-11-01T00:00:00.000Z → 2025-02-01T00:00:00.000Z');
  });

  it('starts a yearly Feb 29 cycle on Feb 28 in common years and on Feb 29 in leap years', () => {
    expect(periodsFrom({ kind: 'yearly', month: 2, day: 29 }, 'UTC', '2026-06-01T00:00:00Z', 3)).to.deep.equal([
      '2026-02-28T00:00:00.000Z → 2027-02-28T00:00:00.000Z',
      '2027-02-28T00:00:00.000Z → 2028-02-29T00:00:00.000Z',
      '2028-02-29T00:00:00.000Z → 2029-02-28T00:00:00.000Z',
    ]);
  });
});
