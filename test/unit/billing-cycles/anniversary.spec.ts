import { expect } from 'chai';
import { nextCyclePeriod } from '../../../core/billing-cycles/cycle-period';
import { periodAt, periodsFrom, text } from './cycle-fixtures';

describe('anniversary cycles on a bill-cycle day', () => {
  it('falls back to Feb 28 for a cycle on the 31st and returns to the 31st in March', () => {
    expect(periodsFrom({ kind: 'anniversary', billCycleDay: 31 }, 'UTC', '2025-01-31T08:00:00Z', 5)).to.deep.equal([
      '2025-01-31T00:00:00.000Z → 2025-02-28T00:00:00.000Z',
      '2025-02-28T00:00:00.000Z → 2025-03-31T00:00:00.000Z',
      '2025-03-31T00:00:00.000Z → 2025-04-30T00:00:00.000Z',
      // April has 30 days: the 30th, then back to the 31st in May
      '2025-04-30T00:00:00.000Z → 2025-05-31T00:00:00.000Z',
      '2025-05-31T00:00:00.000Z → 2025-06-30T00:00:00.000Z',
    ]);
  });

  it('falls back to Feb 29 for a cycle on the 31st in a leap year', () => {
    expect(periodsFrom({ kind: 'anniversary', billCycleDay: 31 }, 'UTC', '2024-02-10T00:00:00Z', 2)).to.deep.equal([
      '2024-01-31T00:00:00.000Z → 2024-02-29T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z → 2024-03-31T00:00:00.000Z',
    ]);
  });

  it('starts a Feb 29 subscriber\'s February period on the 28th in a common year', () => {
    expect(periodsFrom({ kind: 'anniversary', billCycleDay: 29 }, 'UTC', '2025-02-28T00:00:00Z', 2)).to.deep.equal([
      '2025-02-28T00:00:00.000Z → 2025-03-29T00:00:00.000Z',
      '2025-03-29T00:00:00.000Z → 2025-04-29T00:00:00.000Z',
    ]);
  });

  it('puts Feb 28 before the fallback day into January\'s period', () => {
    // a cycle on the 31st: Feb 27 is still in the Jan 31 period
    expect(text(periodAt({ kind: 'anniversary', billCycleDay: 31 }, 'UTC', '2025-02-27T23:59:59Z'))).to.equal('2025-01-31T00:00:00.000Z → 2025-02-28T00:00:00.000Z');
  });

  it('finds the previous month\'s period for an instant before the bill-cycle day', () => {
    // Mar 10 with a cycle on the 15th: Feb 15 → Mar 15
    expect(text(periodAt({ kind: 'anniversary', billCycleDay: 15 }, 'UTC', '2025-03-10T00:00:00Z'))).to.equal('2025-02-15T00:00:00.000Z → 2025-03-15T00:00:00.000Z');
  });

  it('crosses a year end', () => {
    const december = periodAt({ kind: 'anniversary', billCycleDay: 20 }, 'UTC', '2025-01-05T00:00:00Z');
    expect(text(december)).to.equal('2024-12-20T00:00:00.000Z → 2025-01-20T00:00:00.000Z');
    expect(text(nextCyclePeriod({ kind: 'anniversary', billCycleDay: 20 }, 'UTC', december))).to.equal('2025-01-20T00:00:00.000Z → 2025-02-20T00:00:00.000Z');
  });

  it('starts at local midnight in the billing zone', () => {
    // Jan 31 00:00 in Tokyo (+09:00) is Jan 30 15:00Z
    expect(text(periodAt({ kind: 'anniversary', billCycleDay: 31 }, 'Asia/Tokyo', '2025-02-05T00:00:00Z'))).to.equal('2025-01-30T15:00:00.000Z → 2025-02-27T15:00:00.000Z');
  });
});
