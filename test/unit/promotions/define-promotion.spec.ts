import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { problemOf } from '../../../core/promotions/define-promotion';
import { percent, promotion } from './draft-fixtures';

describe('defining a promotion', () => {
  it('accepts a trial, and refuses percentages outside (0, 100], empty windows and unknown currencies', () => {
    expect(problemOf(promotion({ benefit: percent('100'), validity: { kind: 'days', days: 14, unit: 'day' } }))).to.equal(undefined);
    expect(problemOf(promotion({ benefit: percent('0'), validity: { kind: 'first-invoice' } }))).to.match(/percent/);
    expect(problemOf(promotion({ benefit: percent('100.01'), validity: { kind: 'first-invoice' } }))).to.match(/percent/);
    expect(problemOf(promotion({ benefit: percent('10'), validity: { kind: 'days', days: 0, unit: 'second' } }))).to.match(/days/);
    expect(problemOf(promotion({ benefit: percent('10'), validity: { kind: 'cycles', cycles: 1.5 } }))).to.match(/cycles/);
    const at = new Date('2025-03-01T00:00:00Z');
    expect(problemOf(promotion({ benefit: percent('10'), validity: { kind: 'recurring', from: at, until: at } }))).to.match(/until/);
    expect(problemOf(promotion({ benefit: { kind: 'amount', amount: new Decimal('5'), currency: 'XXX' }, validity: { kind: 'first-invoice' } }))).to.match(/currency/);
  });
});
