import { expect } from 'chai';
import { UnknownCurrencyError } from '../../../core/money/currency';
import { CurrencyMismatchError, Money } from '../../../core/money/money';

describe('Money', () => {
  it('adds and subtracts amounts of one currency exactly', () => {
    // 0.1 + 0.2 = 0.3 exactly; 0.3 − 0.05 = 0.25
    const total = Money.of('0.1', 'EUR').plus(Money.of('0.2', 'EUR')).minus(Money.of('0.05', 'EUR'));
    expect(total.amount.toFixed()).to.equal('0.25');
    expect(total.currency).to.equal('EUR');
  });

  it('refuses to add amounts of two currencies', () => {
    expect(() => Money.of('1', 'EUR').plus(Money.of('1', 'USD'))).to.throw(CurrencyMismatchError);
    expect(() => Money.of('1', 'EUR').minus(Money.of('1', 'GBP'))).to.throw(CurrencyMismatchError);
  });

  it('refuses an unknown currency and a non-finite amount', () => {
    expect(() => Money.of('1', 'XXX')).to.throw(UnknownCurrencyError);
    expect(() => Money.of('Infinity', 'EUR')).to.throw(RangeError);
  });

  it('keeps full precision until rounded, then rounds half-up at the currency precision', () => {
    // 10.00 × 0.3333 = 3.333; rounded to cents 3.33
    const share = Money.of('10.00', 'USD').times('0.3333');
    expect(share.amount.toFixed()).to.equal('3.333');
    expect(share.rounded().amount.toFixed()).to.equal('3.33');
    expect(Money.of('1.0005', 'BHD').toString()).to.equal('1.001 BHD');
  });

  it('compares by value, not by the digits written', () => {
    expect(Money.of('1.50', 'EUR').equals(Money.of('1.5', 'EUR'))).to.equal(true);
    expect(Money.of('1.5', 'EUR').equals(Money.of('1.5', 'USD'))).to.equal(false);
    expect(Money.zero('JPY').isZero()).to.equal(true);
  });
});
