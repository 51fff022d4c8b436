import { expect } from 'chai';
import DecimalJs from 'decimal.js';
import { multiplyDecimalText, roundDecimalText, signOfDecimalText } from '../../../core/plugin-api/decimal-text';

/** decimal.js with room for every digit of these products, writing plain digits. */
const Reference = DecimalJs.clone({ precision: 200, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -300, toExpPos: 300 });

/** A pseudo-random decimal text of every shape WAP or a plugin may write: signs, leading and trailing zeros, exponents. */
function randomText(seed: number): string {
  let state = seed * 2654435761 >>> 0;
  const next = (n: number) => ((state = (state * 1664525 + 1013904223) >>> 0) % n);
  const digits = (n: number) => Array.from({ length: n }, () => String(next(10))).join('');
  const sign = ['', '', '-', '+'][next(4)];
  const whole = next(5) === 0 ? '' : digits(1 + next(15));
  const fraction = next(3) === 0 ? '' : digits(1 + next(32));
  const text = `${sign}${whole || (fraction ? '' : '0')}${fraction ? `.${fraction}` : ''}`;
  return next(6) === 0 ? `${text}e${next(2) ? '-' : ''}${next(20)}` : text;
}

describe('exact arithmetic on decimal text', () => {
  it('multiplies as an exact decimal library does, over thousands of shapes', () => {
    for (let i = 1; i <= 3000; i++) {
      const [a, b] = [randomText(i), randomText(i + 7919)];
      expect(multiplyDecimalText(a, b), `${a} × ${b}`).to.equal(new Reference(a).times(b).toString());
    }
  });

  it('turns bytes into binary gigabytes and milliseconds into seconds exactly', () => {
    // 46793188 ÷ 2^30
    expect(multiplyDecimalText('46793188', '0.000000000931322574615478515625')).to.equal('0.0435795523226261138916015625');
    expect(multiplyDecimalText('1073741824', '0.000000000931322574615478515625')).to.equal('1');
    expect(multiplyDecimalText('93314', '0.001')).to.equal('93.314');
    expect(multiplyDecimalText('4096', '0.0009765625')).to.equal('4');
    expect(multiplyDecimalText('-0.0', '5')).to.equal('0');
  });

  it('rounds half away from zero to the places asked, as ROUND_HALF_UP', () => {
    for (let i = 1; i <= 3000; i++) {
      const text = randomText(i);
      const places = i % 15;
      expect(roundDecimalText(text, places), `${text} to ${places}`).to.equal(new Reference(text).toDecimalPlaces(places, Reference.ROUND_HALF_UP).toString());
    }
    expect(roundDecimalText('0.0000000000005', 12)).to.equal('0.000000000001');
    expect(roundDecimalText('-0.0000000000005', 12)).to.equal('-0.000000000001');
    expect(roundDecimalText('-0.0000000000004', 12)).to.equal('0');
  });

  it('carries a rounding up over nines into the whole part, and writes the result without spare zeros', () => {
    const cases: [string, number, string][] = [
      ['9.9999999999995', 12, '10'], ['0.9999999999995', 12, '1'], ['999.99999999999949', 12, '999.999999999999'],
      ['0999.5', 0, '1000'], ['99.95', 1, '100'], ['1.25', 1, '1.3'], ['1.24999', 1, '1.2'], ['000.500', 12, '0.5'],
      ['0.0000000000004999', 12, '0'], ['00', 3, '0'], ['120.000', 2, '120'], ['0.0435795523226261138916015625', 12, '0.043579552323'],
    ];
    for (const [text, places, rounded] of cases) {
      expect(roundDecimalText(text, places), `${text} to ${places}`).to.equal(rounded);
      expect(rounded, `${text} to ${places}`).to.equal(new Reference(text).toDecimalPlaces(places, Reference.ROUND_HALF_UP).toString());
    }
  });

  it('refuses to round to places that are not a whole number from 0', () => {
    for (const places of [-1, 1.5, Number.NaN, Infinity]) expect(() => roundDecimalText('1234.567', places), String(places)).to.throw(RangeError, /places must be a whole number/);
  });

  it('tells the sign of decimal text, zero whatever its sign', () => {
    expect(['-0.0000000000001', '0', '-0', '+0.0e5', '12', '+1e-30'].map(signOfDecimalText)).to.deep.equal([-1, 0, 0, 0, 1, 1]);
  });

  it('refuses text that is not a decimal number', () => {
    for (const text of ['', '.', 'abc', '1,5', '0x10', '1e', '--1', 'Infinity', 'NaN']) {
      expect(() => multiplyDecimalText(text, '1'), text).to.throw(RangeError);
      expect(() => roundDecimalText(text, 2), text).to.throw(RangeError);
      expect(() => signOfDecimalText(text), text).to.throw(RangeError);
    }
  });
});
