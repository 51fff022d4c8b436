import { expect } from 'chai';
import type { BillingCycle } from '../../../core/billing-cycles/billing-cycle';
import { feePerPeriod } from '../../../core/invoicing/fee-per-period';
import { Decimal } from '../../../core/money/decimal';
import type { FeeInterval } from '../../../core/rating/rate-card';

const fee = (amount: string, interval: FeeInterval, cycle: BillingCycle, from: string, to: string, zone = 'UTC') =>
  feePerPeriod(new Decimal(amount), interval, cycle, { from: new Date(from), to: new Date(to) }, zone).toString();

describe('a fixed fee for one period of a billing cycle', () => {
  it('counts months for the cycles that step by months', () => {
    expect(fee('30.00', 'quarterly', { kind: 'calendar-monthly' }, '2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z')).to.equal('10');
    expect(fee('20.00', 'monthly', { kind: 'quarterly' }, '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z')).to.equal('60');
    expect(fee('120.00', 'annual', { kind: 'quarterly' }, '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z')).to.equal('30');
    expect(fee('30.00', 'quarterly', { kind: 'yearly', month: 1, day: 1 }, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).to.equal('120');
  });

  it("takes a weekly period's share of the fee's interval starting with it, in local days", () => {
    // 3 March – 3 April: 31 days; 31 March – 30 April: 30 days
    expect(fee('31.00', 'monthly', { kind: 'weekly', weekday: 1 }, '2025-03-03T00:00:00Z', '2025-03-10T00:00:00Z')).to.equal('7');
    expect(fee('30.00', 'monthly', { kind: 'weekly', weekday: 1 }, '2025-03-31T00:00:00Z', '2025-04-07T00:00:00Z')).to.equal('7');
  });

  it('counts the week of a DST change in Berlin as 7 days, not 6.96', () => {
    // 24 March 2025 00:00 CET → 31 March 00:00 CEST is 167 hours; 24 March – 24 April is 31 days
    expect(fee('31.00', 'monthly', { kind: 'weekly', weekday: 1 }, '2025-03-23T23:00:00Z', '2025-03-30T22:00:00Z', 'Europe/Berlin')).to.equal('7');
  });

  it('gives every ten days of a year-long fee 10 of the 365 days', () => {
    expect(fee('365.00', 'annual', { kind: 'every-n-days', days: 10, anchor: '2025-01-06' }, '2025-01-06T00:00:00Z', '2025-01-16T00:00:00Z')).to.equal('10');
  });
});
