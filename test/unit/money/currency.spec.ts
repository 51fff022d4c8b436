import { expect } from 'chai';
import { isCurrencyCode, knownCurrencies, minorUnitsOf, parseCurrency, UnknownCurrencyError } from '../../../core/money/currency';

describe('ISO 4217 currencies', () => {
  it('knows the minor units of the currencies a hoster bills in', () => {
    const twoDigits = ['USD', 'EUR', 'GBP', 'INR', 'AUD', 'CAD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'ZAR', 'BRL', 'MXN', 'CNY', 'SGD', 'HKD', 'NZD', 'AED', 'SAR'];
    for (const code of twoDigits) expect(minorUnitsOf(code), code).to.equal(2);
    expect(minorUnitsOf('JPY')).to.equal(0);
    expect(minorUnitsOf('BHD')).to.equal(3);
    expect(minorUnitsOf('KWD')).to.equal(3);
  });

  it('throws a typed error naming an unknown code', () => {
    expect(() => minorUnitsOf('XYZ')).to.throw(UnknownCurrencyError).with.property('currency', 'XYZ');
  });

  it('reports an unknown code as unknown_currency at an input boundary', () => {
    expect(parseCurrency('EUR')).to.deep.equal({ ok: true, value: 'EUR' });
    expect(parseCurrency('eur')).to.include({ ok: false, error: 'unknown_currency' });
  });

  it('does not mistake inherited object keys for currencies', () => {
    expect(isCurrencyCode('toString')).to.equal(false);
    expect(isCurrencyCode('__proto__')).to.equal(false);
  });

  it('lists the known codes sorted, for pickers', () => {
    const codes = knownCurrencies();
    expect(codes).to.include.members(['USD', 'JPY', 'BHD']);
    expect([...codes].sort()).to.deep.equal(codes);
  });
});
