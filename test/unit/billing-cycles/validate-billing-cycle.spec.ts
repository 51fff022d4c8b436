import { expect } from 'chai';
import { InvalidBillingCycleError } from '../../../core/billing-cycles/billing-cycle';
import { cyclePeriodAt } from '../../../core/billing-cycles/cycle-period';
import { validateBillingCycle } from '../../../core/billing-cycles/validate-billing-cycle';

describe('billing cycle validation', () => {
  it('accepts every kind with sound settings', () => {
    expect(validateBillingCycle({ kind: 'anniversary', billCycleDay: 31 }, 'Europe/Berlin')).to.deep.equal([]);
    expect(validateBillingCycle({ kind: 'yearly', month: 2, day: 29 }, 'UTC')).to.deep.equal([]);
    expect(validateBillingCycle({ kind: 'every-n-days', days: 14, anchor: '2025-01-06' }, 'Asia/Tokyo')).to.deep.equal([]);
  });

  it('names the field that is out of range', () => {
    expect(validateBillingCycle({ kind: 'anniversary', billCycleDay: 32 }, 'UTC').map((p) => p.field)).to.deep.equal(['billCycleDay']);
    expect(validateBillingCycle({ kind: 'anniversary', billCycleDay: 1.5 }, 'UTC').map((p) => p.field)).to.deep.equal(['billCycleDay']);
    expect(validateBillingCycle({ kind: 'yearly', month: 4, day: 31 }, 'UTC').map((p) => p.field)).to.deep.equal(['day']);
    expect(validateBillingCycle({ kind: 'every-n-days', days: 0, anchor: '2025-02-30' }, 'UTC').map((p) => p.field)).to.deep.equal(['days', 'anchor']);
  });

  it('rejects a time zone that is not IANA', () => {
    expect(validateBillingCycle({ kind: 'calendar-monthly' }, 'Mars/Olympus_Mons').map((p) => p.field)).to.deep.equal(['timeZone']);
  });

  it('refuses to compute periods for an invalid cycle', () => {
    expect(() => cyclePeriodAt({ kind: 'weekly', weekday: 8 as never }, 'UTC', new Date())).to.throw(InvalidBillingCycleError);
  });
});
