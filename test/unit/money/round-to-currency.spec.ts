import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { UnknownCurrencyError } from '../../../core/money/currency';
import { roundToCurrency, roundedAmountText } from '../../../core/money/round-to-currency';

const rounded = (amount: string, currency: string): string => roundedAmountText(new Decimal(amount), currency);

describe('rounding to the currency (half-up, once per invoice line)', () => {
  it('rounds a tie up at two digits for EUR', () => {
    expect(rounded('2.345', 'EUR')).to.equal('2.35');
    expect(rounded('2.344999', 'EUR')).to.equal('2.34');
  });

  it('rounds a tie up rather than to even, unlike banker\'s rounding', () => {
    // half-even would give 2.34 here (4 is even); half-up gives 2.35
    expect(rounded('2.345', 'USD')).to.equal('2.35');
    expect(rounded('0.125', 'USD')).to.equal('0.13');
  });

  it('rounds JPY to whole yen', () => {
    expect(rounded('2.5', 'JPY')).to.equal('3');
    expect(rounded('2.49', 'JPY')).to.equal('2');
  });

  it('rounds BHD to three digits: 0.0005 BHD becomes 0.001', () => {
    expect(rounded('0.0005', 'BHD')).to.equal('0.001');
    expect(rounded('0.0004999', 'BHD')).to.equal('0.000');
  });

  it('rounds a credit away from zero so that it mirrors the charge it reverses', () => {
    expect(rounded('-0.005', 'EUR')).to.equal('-0.01');
  });

  it('writes zero with the currency\'s digits', () => {
    expect(rounded('0', 'GBP')).to.equal('0.00');
    expect(rounded('0', 'KWD')).to.equal('0.000');
    expect(rounded('0', 'JPY')).to.equal('0');
  });

  it('returns a Decimal that keeps full precision for the digits it keeps', () => {
    expect(roundToCurrency(new Decimal('12345678901234567890.125'), 'EUR').toFixed()).to.equal('12345678901234567890.13');
  });

  it('refuses an unknown currency', () => {
    expect(() => roundToCurrency(new Decimal('1'), 'ABC')).to.throw(UnknownCurrencyError);
  });
});
