import { expect } from 'chai';
import { hours, periodAt, text } from './cycle-fixtures';

describe('calendar-monthly cycles in the billing time zone', () => {
  const monthly = { kind: 'calendar-monthly' } as const;

  it('starts March at local midnight in Berlin and lasts 743 hours (clocks go forward on Mar 30)', () => {
    const march = periodAt(monthly, 'Europe/Berlin', '2025-03-15T12:00:00Z');
    // Mar 1 00:00 CET = Feb 28 23:00Z; Apr 1 00:00 CEST = Mar 31 22:00Z; 31 × 24 − 1 = 743
    expect(text(march)).to.equal('2025-02-28T23:00:00.000Z → 2025-03-31T22:00:00.000Z');
    expect(hours(march)).to.equal(743);
  });

  it('lasts 745 hours in Berlin in October (clocks go back on Oct 26)', () => {
    const october = periodAt(monthly, 'Europe/Berlin', '2025-10-15T12:00:00Z');
    // Oct 1 00:00 CEST = Sep 30 22:00Z; Nov 1 00:00 CET = Oct 31 23:00Z; 31 × 24 + 1 = 745
    expect(text(october)).to.equal('2025-09-30T22:00:00.000Z → 2025-10-31T23:00:00.000Z');
    expect(hours(october)).to.equal(745);
  });

  it('lasts 743 hours in New York in March and 721 in November', () => {
    // Mar 9: EST → EDT; 31 × 24 − 1 = 743
    expect(hours(periodAt(monthly, 'America/New_York', '2025-03-20T00:00:00Z'))).to.equal(743);
    // Nov 2: EDT → EST; 30 × 24 + 1 = 721
    expect(hours(periodAt(monthly, 'America/New_York', '2025-11-20T00:00:00Z'))).to.equal(721);
  });

  it('puts an instant that is already the 1st locally, but not yet in UTC, into the new month', () => {
    // Apr 1 01:30 in Berlin is Mar 31 23:30Z: April in the billing zone
    expect(text(periodAt(monthly, 'Europe/Berlin', '2025-03-31T23:30:00Z'))).to.equal('2025-03-31T22:00:00.000Z → 2025-04-30T22:00:00.000Z');
  });

  it('puts an instant exactly on a boundary into the period it starts', () => {
    expect(text(periodAt(monthly, 'UTC', '2025-04-01T00:00:00.000Z'))).to.equal('2025-04-01T00:00:00.000Z → 2025-05-01T00:00:00.000Z');
    expect(text(periodAt(monthly, 'UTC', '2025-03-31T23:59:59.999Z'))).to.equal('2025-03-01T00:00:00.000Z → 2025-04-01T00:00:00.000Z');
  });

  it('starts a day whose midnight a DST change skipped at its first instant (São Paulo, Nov 2018)', () => {
    // Nov 4 2018 00:00 did not exist in São Paulo; a cycle on the 4th starts at 01:00 -02 = 03:00Z
    const period = periodAt({ kind: 'anniversary', billCycleDay: 4 }, 'America/Sao_Paulo', '2018-11-10T00:00:00Z');
    expect(period.from.toISOString()).to.equal('2018-11-04T03:00:00.000Z');
  });
});
