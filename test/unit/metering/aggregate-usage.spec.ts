import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import { aggregateUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { APRIL_2025, MARCH_2025, period, usage } from './usage-rows';

const total = (aggregation: Aggregation, rows: Parameters<typeof aggregateUsage>[1], p = MARCH_2025) =>
  aggregateUsage(aggregation, rows, p).toString();

describe('aggregating one meter over a period', () => {
  describe('sum', () => {
    it('adds every quantity inside the period', () => {
      const rows = [
        usage('2025-03-02T00:00:00Z', '2025-03-02T01:00:00Z', '10'),
        usage('2025-03-15T08:00:00Z', '2025-03-15T09:00:00Z', '2.5'),
        usage('2025-03-31T23:00:00Z', '2025-04-01T00:00:00Z', '0.25'),
        usage('2025-04-01T00:00:00Z', '2025-04-01T01:00:00Z', '100'), // April's
      ];
      // 10 + 2.5 + 0.25 = 12.75
      expect(total(Aggregation.Sum, rows)).to.equal('12.75');
    });

    it('splits a 4-hour record of 10 across the month boundary by time', () => {
      const rows = [usage('2025-03-31T22:00:00Z', '2025-04-01T02:00:00Z', '10')];
      // 2 of its 4 hours are in each month: 10 × 2/4 = 5 each
      expect(total(Aggregation.Sum, rows, MARCH_2025)).to.equal('5');
      expect(total(Aggregation.Sum, rows, APRIL_2025)).to.equal('5');
    });

    it('apportions by the exact fraction of the interval, 45 of 60 minutes of 8 being 6', () => {
      const rows = [usage('2025-03-31T23:15:00Z', '2025-04-01T00:15:00Z', '8')];
      // 8 × 45/60 = 6 in March; 8 × 15/60 = 2 in April
      expect(total(Aggregation.Sum, rows, MARCH_2025)).to.equal('6');
      expect(total(Aggregation.Sum, rows, APRIL_2025)).to.equal('2');
    });

    it('rounds a share that does not terminate at 40 significant digits, and the shares still add up', () => {
      const rows = [usage('2025-03-31T23:00:00Z', '2025-04-01T02:00:00Z', '1')];
      // 1 × 1/3 = 0.333… and 1 × 2/3 = 0.666…7 (40 digits, half-up); together exactly 1
      const march = aggregateUsage(Aggregation.Sum, rows, MARCH_2025);
      const april = aggregateUsage(Aggregation.Sum, rows, APRIL_2025);
      expect(march.toString()).to.equal('0.' + '3'.repeat(40));
      expect(april.toString()).to.equal('0.' + '6'.repeat(39) + '7');
      expect(march.plus(april).toString()).to.equal('1');
    });

    it('puts a zero-length record on the boundary in the period that starts there', () => {
      const rows = [usage('2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z', '7')];
      expect(total(Aggregation.Sum, rows, MARCH_2025)).to.equal('0');
      expect(total(Aggregation.Sum, rows, APRIL_2025)).to.equal('7');
    });
  });

  describe('time-weighted', () => {
    it('bills 45 minutes of 2 GB as 1.5 GB-hours', () => {
      // 45 min = 0.75 h; 2 × 0.75 = 1.5
      expect(total(Aggregation.TimeWeighted, [usage('2025-03-10T10:00:00Z', '2025-03-10T10:45:00Z', '2')])).to.equal('1.5');
    });

    it('bills 4 cores from 10:30 to 13:15 as 11 core-hours across three hour boundaries', () => {
      // 10:30–13:15 = 2.75 h; 4 × 2.75 = 11
      expect(total(Aggregation.TimeWeighted, [usage('2025-03-10T10:30:00Z', '2025-03-10T13:15:00Z', '4')])).to.equal('11');
    });

    it('adds levels that change within the period', () => {
      const rows = [
        usage('2025-03-10T00:00:00Z', '2025-03-10T06:00:00Z', '1.5'), // 6 h × 1.5 = 9
        usage('2025-03-10T06:00:00Z', '2025-03-10T06:20:00Z', '3'), // 1/3 h × 3 = 1
      ];
      // 9 + 1 = 10
      expect(total(Aggregation.TimeWeighted, rows)).to.equal('10');
    });

    it('counts only the hours inside the period for a record that straddles the month boundary', () => {
      const rows = [usage('2025-03-31T23:15:00Z', '2025-04-01T00:45:00Z', '2')];
      // 0.75 h in each month; 2 × 0.75 = 1.5 each
      expect(total(Aggregation.TimeWeighted, rows, MARCH_2025)).to.equal('1.5');
      expect(total(Aggregation.TimeWeighted, rows, APRIL_2025)).to.equal('1.5');
    });

    it('gives a zero-length reading no hours', () => {
      expect(total(Aggregation.TimeWeighted, [usage('2025-03-10T10:00:00Z', '2025-03-10T10:00:00Z', '50')])).to.equal('0');
    });
  });

  describe('max', () => {
    it('bills the highest quantity of the period', () => {
      const rows = [
        usage('2025-03-01T00:00:00Z', '2025-03-01T01:00:00Z', '3'),
        usage('2025-03-09T00:00:00Z', '2025-03-09T01:00:00Z', '7.5'),
        usage('2025-03-20T00:00:00Z', '2025-03-20T01:00:00Z', '2'),
        usage('2025-04-02T00:00:00Z', '2025-04-02T01:00:00Z', '99'),
      ];
      expect(total(Aggregation.Max, rows)).to.equal('7.5');
    });

    it('counts a record that straddles the boundary whole in both months', () => {
      const rows = [usage('2025-03-31T23:00:00Z', '2025-04-01T01:00:00Z', '12'), usage('2025-04-05T00:00:00Z', '2025-04-05T01:00:00Z', '4')];
      expect(total(Aggregation.Max, rows, MARCH_2025)).to.equal('12');
      expect(total(Aggregation.Max, rows, APRIL_2025)).to.equal('12');
    });
  });

  describe('average', () => {
    it('bills the mean of the quantities, each record counting once', () => {
      const rows = ['2', '3', '7'].map((q, i) => usage(`2025-03-0${i + 1}T00:00:00Z`, `2025-03-0${i + 1}T01:00:00Z`, q));
      // (2 + 3 + 7) / 3 = 4
      expect(total(Aggregation.Average, rows)).to.equal('4');
    });

    it('counts a straddling record in both months', () => {
      const rows = [
        usage('2025-03-10T00:00:00Z', '2025-03-10T01:00:00Z', '2'),
        usage('2025-03-31T23:00:00Z', '2025-04-01T01:00:00Z', '4'),
        usage('2025-04-10T00:00:00Z', '2025-04-10T01:00:00Z', '10'),
      ];
      // March: (2 + 4) / 2 = 3; April: (4 + 10) / 2 = 7
      expect(total(Aggregation.Average, rows, MARCH_2025)).to.equal('3');
      expect(total(Aggregation.Average, rows, APRIL_2025)).to.equal('7');
    });

    it('rounds a mean that does not terminate at 40 significant digits', () => {
      const rows = ['1', '1', '2'].map((q, i) => usage(`2025-03-0${i + 1}T00:00:00Z`, `2025-03-0${i + 1}T01:00:00Z`, q));
      // 4 / 3 = 1.333…
      expect(total(Aggregation.Average, rows)).to.equal('1.' + '3'.repeat(39));
    });
  });

  describe('latest', () => {
    it('bills the quantity of the record that ends last, whatever the order of the rows', () => {
      const rows = [
        usage('2025-03-10T09:00:00Z', '2025-03-10T10:00:00Z', '5'),
        usage('2025-03-10T11:00:00Z', '2025-03-10T12:00:00Z', '3'),
        usage('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', '9'),
      ];
      expect(total(Aggregation.Latest, rows)).to.equal('3');
    });

    it('breaks a tie of end times by the larger WAP EventId, compared as numbers', () => {
      const rows = [
        usage('2025-03-10T09:00:00Z', '2025-03-10T10:00:00Z', '10', { eventId: '10' }),
        usage('2025-03-10T09:00:00Z', '2025-03-10T10:00:00Z', '9', { eventId: '9' }),
      ];
      expect(total(Aggregation.Latest, rows)).to.equal('10');
    });

    it('lets a record that straddles the boundary be the latest of March', () => {
      const rows = [usage('2025-03-31T12:00:00Z', '2025-03-31T13:00:00Z', '5'), usage('2025-03-31T23:00:00Z', '2025-04-01T01:00:00Z', '6')];
      expect(total(Aggregation.Latest, rows, MARCH_2025)).to.equal('6');
      expect(total(Aggregation.Latest, rows, APRIL_2025)).to.equal('6');
    });
  });

  describe('unique-count', () => {
    it('counts distinct resources, usage without a resource being one of them', () => {
      const rows = [
        usage('2025-03-01T00:00:00Z', '2025-03-01T01:00:00Z', '1', { resourceId: 'vm-a' }),
        usage('2025-03-01T01:00:00Z', '2025-03-01T02:00:00Z', '1', { resourceId: 'vm-a' }),
        usage('2025-03-02T00:00:00Z', '2025-03-02T01:00:00Z', '1', { resourceId: 'vm-b' }),
        usage('2025-03-03T00:00:00Z', '2025-03-03T01:00:00Z', '1', { resourceId: null }),
        usage('2025-03-04T00:00:00Z', '2025-03-04T01:00:00Z', '1', { resourceId: null }),
      ];
      // vm-a, vm-b and "no resource" = 3
      expect(total(Aggregation.UniqueCount, rows)).to.equal('3');
    });

    it('counts a resource whose record straddles the boundary in both months', () => {
      const rows = [usage('2025-03-31T23:30:00Z', '2025-04-01T00:30:00Z', '1', { resourceId: 'db-1' })];
      expect(total(Aggregation.UniqueCount, rows, MARCH_2025)).to.equal('1');
      expect(total(Aggregation.UniqueCount, rows, APRIL_2025)).to.equal('1');
    });
  });

  it('bills zero for every aggregation when nothing overlaps the period', () => {
    const rows = [usage('2025-02-10T00:00:00Z', '2025-03-01T00:00:00Z', '5')]; // ends where March starts
    for (const aggregation of Object.values(Aggregation)) {
      expect(total(aggregation, rows), aggregation).to.equal('0');
    }
  });

  it('ignores usage of a day outside a one-day period', () => {
    const day = period('2025-03-10T00:00:00Z', '2025-03-11T00:00:00Z');
    const rows = [usage('2025-03-11T00:00:00Z', '2025-03-11T01:00:00Z', '4'), usage('2025-03-10T23:00:00Z', '2025-03-11T00:00:00Z', '1')];
    expect(total(Aggregation.Sum, rows, day)).to.equal('1');
  });
});
