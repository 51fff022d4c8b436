import { expect } from 'chai';
import { planIntervals } from '../../../core/subscriptions/plan-intervals';

const at = (iso: string) => new Date(iso);
const march = { from: at('2025-03-01T00:00:00Z'), to: at('2025-04-01T00:00:00Z') };
const iso = (intervals: ReturnType<typeof planIntervals>) => intervals.map((i) => [i.planId, i.from.toISOString().slice(0, 10), i.to.toISOString().slice(0, 10)]);

describe('plan intervals from a plan history', () => {
  it('holds each plan until the next change, clipped to the life in the period', () => {
    const history = [{ planId: 'bronze', at: at('2025-02-01T00:00:00Z') }, { planId: 'silver', at: at('2025-03-11T00:00:00Z') }];
    expect(iso(planIntervals(history, march))).to.deep.equal([['bronze', '2025-03-01', '2025-03-11'], ['silver', '2025-03-11', '2025-04-01']]);
  });

  it('leaves out a plan given up before the period', () => {
    const history = [{ planId: 'bronze', at: at('2025-01-01T00:00:00Z') }, { planId: 'silver', at: at('2025-02-11T00:00:00Z') }];
    expect(iso(planIntervals(history, march))).to.deep.equal([['silver', '2025-03-01', '2025-04-01']]);
  });

  it('continues a plan named again without a change in between', () => {
    const history = [{ planId: 'gold', at: at('2025-03-01T00:00:00Z') }, { planId: 'gold', at: at('2025-03-15T00:00:00Z') }];
    expect(iso(planIntervals(history, march))).to.deep.equal([['gold', '2025-03-01', '2025-04-01']]);
  });

  it('starts the first plan with the life even when its row came a moment later', () => {
    const life = { from: at('2025-03-05T10:00:00Z'), to: march.to };
    const [first] = planIntervals([{ planId: 'gold', at: at('2025-03-05T10:00:01Z') }], life);
    expect(first.from.toISOString()).to.equal('2025-03-05T10:00:00.000Z');
  });

  it('holds nothing without a plan or without a life in the period', () => {
    expect(planIntervals([], march)).to.deep.equal([]);
    expect(planIntervals([{ planId: 'gold', at: march.from }], undefined)).to.deep.equal([]);
  });
});
