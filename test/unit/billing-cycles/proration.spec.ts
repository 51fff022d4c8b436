import { expect } from 'chai';
import { prorateFixedFee } from '../../../core/billing-cycles/prorate-fixed-fee';
import { prorate, type BillableTime, type ProrationRules } from '../../../core/billing-cycles/proration';
import { Money } from '../../../core/money/money';
import { periodAt } from './cycle-fixtures';

const april = periodAt({ kind: 'calendar-monthly' }, 'UTC', '2025-04-15T00:00:00Z');
const bySecond: ProrationRules = { unit: 'second', suspendedTime: 'bill' };
const byDay: ProrationRules = { unit: 'day', suspendedTime: 'bill' };
const activeFrom = (from: string, to: string | null = null): BillableTime =>
  ({ activeFrom: new Date(from), activeTo: to === null ? null : new Date(to), suspensions: [] });
const fee = Money.of('30.00', 'EUR');

describe('proration of a fixed fee for a mid-cycle start', () => {
  it('by the second: a start at noon on Apr 11 pays 19.5 of 30 days', () => {
    const proration = prorate(april, 'UTC', activeFrom('2025-04-11T12:00:00Z'), bySecond);
    // Apr 11 12:00 → May 1 00:00 = 19.5 days = 1 684 800 s of 30 days = 2 592 000 s
    expect(proration).to.include({ billable: 1_684_800, total: 2_592_000 });
    expect(proration.fraction.toFixed()).to.equal('0.65');
    // 30.00 × 1 684 800 ÷ 2 592 000 = 19.50
    expect(prorateFixedFee(fee, proration).toString()).to.equal('19.50 EUR');
  });

  it('by the day: the part-day of the start counts as a whole day', () => {
    const proration = prorate(april, 'UTC', activeFrom('2025-04-11T12:00:00Z'), byDay);
    // Apr 11 … Apr 30 = 20 days of 30; 30.00 × 20 ÷ 30 = 20.00
    expect(proration).to.include({ billable: 20, total: 30 });
    expect(prorateFixedFee(fee, proration).toString()).to.equal('20.00 EUR');
  });

  it('by the day: counts days of the billing zone, not of UTC', () => {
    const berlinApril = periodAt({ kind: 'calendar-monthly' }, 'Europe/Berlin', '2025-04-15T00:00:00Z');
    // 22:30Z on Apr 11 is 00:30 on Apr 12 in Berlin: Apr 12 … Apr 30 = 19 days; 30.00 × 19 ÷ 30 = 19.00
    const proration = prorate(berlinApril, 'Europe/Berlin', activeFrom('2025-04-11T22:30:00Z'), byDay);
    expect(proration).to.include({ billable: 19, total: 30 });
    expect(prorateFixedFee(fee, proration).toString()).to.equal('19.00 EUR');
  });

  it('by the second across a DST change: March in Berlin has 743 hours', () => {
    const march = periodAt({ kind: 'calendar-monthly' }, 'Europe/Berlin', '2025-03-15T00:00:00Z');
    // from Mar 17 00:00 CET (Mar 16 23:00Z) to Apr 1 00:00 CEST (Mar 31 22:00Z): 15 × 24 − 1 = 359 h of 743 h
    const proration = prorate(march, 'Europe/Berlin', activeFrom('2025-03-16T23:00:00Z'), bySecond);
    expect(proration).to.include({ billable: 359 * 3600, total: 743 * 3600 });
    // 74.30 × 359 ÷ 743 = 0.10 × 359 = 35.90
    expect(prorateFixedFee(Money.of('74.30', 'EUR'), proration).amount.toFixed()).to.equal('35.9');
  });

  it('by the day across the same DST change: 15 of 31 days, rounded half-up on the line', () => {
    const march = periodAt({ kind: 'calendar-monthly' }, 'Europe/Berlin', '2025-03-15T00:00:00Z');
    const proration = prorate(march, 'Europe/Berlin', activeFrom('2025-03-16T23:00:00Z'), byDay);
    // Mar 17 … Mar 31 = 15 days; 74.30 × 15 ÷ 31 = 1114.50 ÷ 31 = 35.9516… → 35.95
    expect(proration).to.include({ billable: 15, total: 31 });
    expect(prorateFixedFee(Money.of('74.30', 'EUR'), proration).toString()).to.equal('35.95 EUR');
  });

  it('prorates a subscription that ends mid-cycle, a part-day counting whole by the day', () => {
    // active Apr 1 → Apr 21 00:00:01: by the second 20 days + 1 s; by the day Apr 1 … Apr 21 = 21 days
    const time = activeFrom('2025-03-20T00:00:00Z', '2025-04-21T00:00:01Z');
    expect(prorate(april, 'UTC', time, bySecond)).to.include({ billable: 20 * 86_400 + 1 });
    // 30.00 × 21 ÷ 30 = 21.00
    expect(prorateFixedFee(fee, prorate(april, 'UTC', time, byDay)).toString()).to.equal('21.00 EUR');
  });

  it('bills the whole fee, exactly, for a subscription active all period', () => {
    const proration = prorate(april, 'UTC', activeFrom('2024-01-01T00:00:00Z'), bySecond);
    expect(proration.fraction.toFixed()).to.equal('1');
    expect(prorateFixedFee(fee, proration).amount.toFixed()).to.equal('30');
  });

  it('bills nothing for a subscription deleted before the period', () => {
    const proration = prorate(april, 'UTC', activeFrom('2025-02-01T00:00:00Z', '2025-03-15T00:00:00Z'), byDay);
    expect(proration).to.include({ billable: 0, total: 30 });
    expect(prorateFixedFee(fee, proration).toString()).to.equal('0.00 EUR');
  });

  it('counts a partial second as a whole second', () => {
    // Apr 30 23:59:59.400 → May 1: 0.6 s counts as 1 s
    expect(prorate(april, 'UTC', activeFrom('2025-04-30T23:59:59.400Z'), bySecond)).to.include({ billable: 1 });
  });

  it('keeps an exact share where a rounded fraction would drift', () => {
    // by day, 10 of 30 days: 30.00 × 10 ÷ 30 = 10 exactly, not 9.999… from 30 × 0.333…
    const proration = prorate(april, 'UTC', activeFrom('2025-04-21T00:00:00Z'), byDay);
    expect(prorateFixedFee(fee, proration).amount.toFixed()).to.equal('10');
  });
});
