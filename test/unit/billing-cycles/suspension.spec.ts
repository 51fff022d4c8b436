import { expect } from 'chai';
import { prorateFixedFee } from '../../../core/billing-cycles/prorate-fixed-fee';
import { prorate, type BillableTime, type ProrationUnit, type SuspendedTimeRule } from '../../../core/billing-cycles/proration';
import { Money } from '../../../core/money/money';
import { periodAt } from './cycle-fixtures';

const april = periodAt({ kind: 'calendar-monthly' }, 'UTC', '2025-04-15T00:00:00Z');
const fee = Money.of('30.00', 'EUR');
const suspended = (...spans: [string, string | null][]): BillableTime => ({
  activeFrom: new Date('2025-01-01T00:00:00Z'),
  activeTo: null,
  suspensions: spans.map(([from, to]) => ({ from: new Date(from), to: to === null ? null : new Date(to) })),
});
const feeFor = (time: BillableTime, unit: ProrationUnit, suspendedTime: SuspendedTimeRule): string =>
  prorateFixedFee(fee, prorate(april, 'UTC', time, { unit, suspendedTime })).toString();

describe('suspended time, billed or not by the configured rule', () => {
  const week = suspended(['2025-04-07T00:00:00Z', '2025-04-14T00:00:00Z']);

  it('bills a suspended week when suspended time is billed', () => {
    // 30 of 30 days: 30.00
    expect(feeFor(week, 'second', 'bill')).to.equal('30.00 EUR');
    expect(feeFor(week, 'day', 'bill')).to.equal('30.00 EUR');
  });

  it('takes a suspended week off when suspended time is not billed', () => {
    // 30 − 7 = 23 days; 30.00 × 23 ÷ 30 = 23.00, by the second and by the day alike
    expect(feeFor(week, 'second', 'do-not-bill')).to.equal('23.00 EUR');
    expect(feeFor(week, 'day', 'do-not-bill')).to.equal('23.00 EUR');
  });

  it('by the day, bills the days a suspension starts and ends on, as they were partly active', () => {
    const offset = suspended(['2025-04-07T10:00:00Z', '2025-04-14T10:00:00Z']);
    // by the second: still 7 × 24 h off, 23.00
    expect(feeFor(offset, 'second', 'do-not-bill')).to.equal('23.00 EUR');
    // by the day: Apr 7 and Apr 14 were partly active, so only Apr 8 … 13 (6 days) come off; 30.00 × 24 ÷ 30 = 24.00
    expect(feeFor(offset, 'day', 'do-not-bill')).to.equal('24.00 EUR');
  });

  it('takes off a suspension that has not ended, up to the period end', () => {
    // suspended from Apr 21 on: 20 of 30 days billed; 30.00 × 20 ÷ 30 = 20.00
    expect(feeFor(suspended(['2025-04-21T00:00:00Z', null]), 'second', 'do-not-bill')).to.equal('20.00 EUR');
  });

  it('counts overlapping suspensions once', () => {
    // Apr 7 → Apr 14 and Apr 10 → Apr 17 together cover Apr 7 → Apr 17: 10 days off; 30.00 × 20 ÷ 30 = 20.00
    const overlapping = suspended(['2025-04-07T00:00:00Z', '2025-04-14T00:00:00Z'], ['2025-04-10T00:00:00Z', '2025-04-17T00:00:00Z']);
    expect(feeFor(overlapping, 'second', 'do-not-bill')).to.equal('20.00 EUR');
  });

  it('ignores the part of a suspension outside the period', () => {
    // Mar 25 → Apr 3: only Apr 1 → Apr 3 (2 days) lies in April; 30.00 × 28 ÷ 30 = 28.00
    expect(feeFor(suspended(['2025-03-25T00:00:00Z', '2025-04-03T00:00:00Z']), 'day', 'do-not-bill')).to.equal('28.00 EUR');
  });
});
