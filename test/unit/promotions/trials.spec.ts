import { expect } from 'chai';
import { applyPromotions } from '../../../core/promotions/apply-promotions';
import { amounts, draftContext, fee, percent, promotion } from './draft-fixtures';

const trial = promotion({ id: 'trial-14', name: 'Gold trial', benefit: percent('100'), validity: { kind: 'days', days: 14, unit: 'day' } });
const attach = [{ promotion: trial, subscriptionId: null, attachedAt: null }];

describe('trials: 100% off for N days from sign-up, then the normal price', () => {
  it('makes the first 14 of 22 billed days free when the subscription starts on March 10', () => {
    const context = draftContext('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', { s1: '2025-03-10T09:00:00Z' });
    // The engine prorated 31.00 a month by the day: 22 of 31 days (Mar 10–31) = 22.00
    const lines = applyPromotions([fee('f1', 's1', '22.00', '2025-03-10T09:00:00Z', '2025-04-01T00:00:00Z')], [], attach, context);
    // 22.00 × 100% × 14 ÷ 22 = 14.00 (Mar 10–23 free); the tenant pays 8.00 for Mar 24–31
    expect(amounts(lines)).to.deep.equal(['-14']);
    expect(lines[0].reason).to.equal('trial: day 1–14 of 14');
    expect(lines[0].description).to.equal('Gold trial — trial: day 1–14 of 14');
    expect(lines[0].source).to.deep.equal({ type: 'promotion', promotionId: 'trial-14', promotionName: 'Gold trial' });
    expect(lines[0].chargeLineId).to.equal('f1');
  });

  it('carries a trial over the period end and charges the normal price once it is over', () => {
    const signUp = '2025-03-25T16:00:00Z';
    const march = draftContext('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', { s1: signUp });
    // 7 days billed in March (25–31), all inside the trial: the whole 7.00 comes off
    const inMarch = applyPromotions([fee('f1', 's1', '7.00', signUp, '2025-04-01T00:00:00Z')], [], attach, march);
    expect(amounts(inMarch)).to.deep.equal(['-7']);
    expect(inMarch[0].reason).to.equal('trial: day 1–7 of 14');

    const april = draftContext('2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z', { s1: signUp }, { invoiceSequence: 2 });
    // April: 30.00 × 100% × 7 ÷ 30 = 7.00 for Apr 1–7 (days 8–14); 23.00 remains to pay
    const inApril = applyPromotions([fee('f2', 's1', '30.00', '2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z')], [], attach, april);
    expect(amounts(inApril)).to.deep.equal(['-7']);
    expect(inApril[0].reason).to.equal('trial: day 8–14 of 14');

    const may = draftContext('2025-05-01T00:00:00Z', '2025-06-01T00:00:00Z', { s1: signUp }, { invoiceSequence: 3 });
    // May: the trial ended on April 8, the full 31.00 is charged
    expect(applyPromotions([fee('f3', 's1', '31.00', '2025-05-01T00:00:00Z', '2025-06-01T00:00:00Z')], [], attach, may)).to.deep.equal([]);
  });

  it('leaves nothing for a later percentage once the trial has made a line free', () => {
    const context = draftContext('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', { s1: '2025-03-01T00:00:00Z' });
    const twenty = promotion({ id: 'twenty', benefit: percent('20'), validity: { kind: 'recurring', from: new Date('2025-01-01T00:00:00Z'), until: null }, createdAt: new Date('2025-02-01T00:00:00Z') });
    const long = { ...trial, validity: { kind: 'days' as const, days: 31, unit: 'day' as const } };
    const lines = applyPromotions([fee('f1', 's1', '31.00', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z')], [], [
      { promotion: twenty, subscriptionId: null, attachedAt: null },
      { promotion: long, subscriptionId: null, attachedAt: null },
    ], context);
    // Both are percentages: the older (the trial) goes first and takes 31.00; 20% of 0 is no line
    expect(lines.map((l) => [l.source.type === 'promotion' && l.source.promotionId, l.amount.toFixed()])).to.deep.equal([['trial-14', '-31']]);
  });

  it('leaves a discount whose window overlaps the trial the days the trial did not make free', () => {
    // 31.00 for March, sign-up March 1: trial days 1–14, then 20% off for the days up to day 21
    const context = draftContext('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', { s1: '2025-03-01T00:00:00Z' });
    const twenty = promotion({ id: 'twenty', benefit: percent('20'), validity: { kind: 'days', days: 21, unit: 'day' }, createdAt: new Date('2025-02-01T00:00:00Z') });
    const lines = applyPromotions([fee('f1', 's1', '31.00', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z')], [], [
      { promotion: trial, subscriptionId: null, attachedAt: null },
      { promotion: twenty, subscriptionId: null, attachedAt: null },
    ], context);
    // trial: 31.00 × 14 ÷ 31 = 14.00; the discount's 21 days are worth 21.00, of which the trial took 14.00:
    // 20% of the 7.00 of days 15–21 = 1.40 (not 20% of what is left of the whole month, 17.00 × 21 ÷ 31)
    expect(amounts(lines)).to.deep.equal(['-14', '-1.4']);
  });
});

