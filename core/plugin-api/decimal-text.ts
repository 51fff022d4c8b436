/**
 * Exact arithmetic on decimal text (`"1024"`, `"0.75"`, `"2.5e3"`), for converting WAP's
 * quantities between units: what a decimal library does, without the library's objects, on the
 * collector's hot path (a web site's record has two byte counts to turn into GB). Added in plugin
 * API 1.2.0.
 */

/** A decimal as an integer and a power of ten: `digits × 10^-scale`, with its sign apart. */
interface ScaledDecimal {
  readonly negative: boolean;
  readonly digits: bigint;
  readonly scale: number;
}

const ZERO = 48;
const NINE = 57;
const POINT = 46;
const MINUS = 45;
const PLUS = 43;

function notADecimal(text: string): RangeError {
  return new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
}

/** Reads `[sign] digits [. digits] [e [sign] digits]`, spaces around allowed; at least one digit before the exponent. */
function scaledDecimalOf(raw: string): ScaledDecimal {
  const text = raw.trim();
  let i = 0;
  const negative = text.charCodeAt(0) === MINUS;
  if (negative || text.charCodeAt(0) === PLUS) i = 1;
  const wholeStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const wholeEnd = i;
  let fractionStart = i;
  let fractionEnd = i;
  if (text.charCodeAt(i) === POINT) {
    fractionStart = ++i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    fractionEnd = i;
  }
  if (wholeEnd === wholeStart && fractionEnd === fractionStart) throw notADecimal(raw);
  let exponent = 0;
  if (i < text.length) {
    const e = text.charCodeAt(i);
    if (e !== 101 && e !== 69) throw notADecimal(raw);
    const digits = text.slice(i + 1);
    if (!/^[-+]?\d+$/.test(digits)) throw notADecimal(raw);
    exponent = Number(digits);
    if (Math.abs(exponent) > 10_000) throw new RangeError(`exponent out of range: ${JSON.stringify(raw)}`);
  }
  const mantissa = fractionEnd === fractionStart ? text.slice(wholeStart, wholeEnd) : text.slice(wholeStart, wholeEnd) + text.slice(fractionStart, fractionEnd);
  const scale = fractionEnd - fractionStart - exponent;
  const digits = BigInt(mantissa);
  return scale >= 0 ? { negative, digits, scale } : { negative, digits: digits * powerOfTen(-scale), scale: 0 };
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

const POWERS_OF_TEN: bigint[] = [];

/** 10^exponent (exponent ≥ 0), each power made once. Not part of the plugin API (see index.ts). */
export function powerOfTen(exponent: number): bigint {
  return (POWERS_OF_TEN[exponent] ??= 10n ** BigInt(exponent));
}

/**
 * `digits` × 10^-scale (digits ≥ 0, scale ≥ 0) in plain decimal digits, as `Decimal#toString`
 * writes them: no exponent, no trailing zeros, `-` only below zero. Not part of the plugin API.
 */
export function plainDecimalText(digits: bigint, scale: number, negative = false): string {
  let text = digits.toString();
  if (scale > 0) {
    if (text.length <= scale) text = '0'.repeat(scale - text.length + 1) + text;
    const point = text.length - scale;
    let end = text.length;
    while (end > point && text.charCodeAt(end - 1) === ZERO) end--;
    text = end === point ? text.slice(0, point) : `${text.slice(0, point)}.${text.slice(point, end)}`;
  }
  return negative && digits !== 0n ? `-${text}` : text;
}

// A mapping multiplies every value by the same factor: it is read once while it repeats.
let lastFactorText = '';
let lastFactor: ScaledDecimal | undefined;

/** The exact product of two decimal texts, as plain decimal text. A RangeError for text that is not a decimal number. */
export function multiplyDecimalText(a: string, b: string): string {
  const x = scaledDecimalOf(a);
  if (b !== lastFactorText || lastFactor === undefined) {
    lastFactor = scaledDecimalOf(b);
    lastFactorText = b;
  }
  const y = lastFactor;
  return plainDecimalText(x.digits * y.digits, x.scale + y.scale, x.negative !== y.negative);
}

/**
 * Decimal text rounded half away from zero to at most `places` decimal places (as decimal.js's
 * `ROUND_HALF_UP`), as plain decimal text. A RangeError for text that is not a decimal number,
 * or for `places` that is not a whole number from 0.
 */
export function roundDecimalText(text: string, places: number): string {
  if (!Number.isSafeInteger(places) || places < 0) throw new RangeError(`places must be a whole number from 0, not ${places}`);
  return roundedDigits(text, places) ?? roundedDecimal(text, places);
}

function roundedDecimal(text: string, places: number): string {
  const value = scaledDecimalOf(text);
  if (value.scale <= places) return plainDecimalText(value.digits, value.scale, value.negative);
  const unit = powerOfTen(value.scale - places);
  const kept = value.digits / unit;
  const rounded = (value.digits % unit) * 2n >= unit ? kept + 1n : kept;
  return plainDecimalText(rounded, places, value.negative);
}

/**
 * `roundDecimalText` of unsigned digits with a point inside them or none (`"46793188"`,
 * `"0.0435795523226261138916015625"`: what WAP and the unit conversions write), worked on the
 * text itself, as a carry on paper: every metered quantity is rounded, and a byte count made
 * gigabytes has 30 places. Undefined for any other shape, left to `roundedDecimal`.
 */
function roundedDigits(text: string, places: number): string | undefined {
  let point = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === POINT && point < 0) point = i;
    else if (!isDigit(c)) return undefined;
  }
  if (point === 0 || point === text.length - 1 || text.length === 0) return undefined;
  let whole = point < 0 ? text : text.slice(0, point);
  let fraction = point < 0 ? '' : text.slice(point + 1);
  if (fraction.length > places) {
    const roundUp = fraction.charCodeAt(places) >= FIVE;
    fraction = fraction.slice(0, places);
    if (roundUp) {
      const carried = plusOne(whole + fraction);
      whole = carried.slice(0, carried.length - places);
      fraction = carried.slice(carried.length - places);
    }
  }
  let start = 0;
  while (start < whole.length - 1 && whole.charCodeAt(start) === ZERO) start++;
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === ZERO) end--;
  whole = start === 0 ? whole : whole.slice(start);
  return end === 0 ? whole : `${whole}.${end === fraction.length ? fraction : fraction.slice(0, end)}`;
}

const FIVE = 53;

/** Decimal digits plus one, a carry running left over the nines (`"0999"` → `"1000"`, `"99"` → `"100"`). */
function plusOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === NINE) i--;
  const zeros = '0'.repeat(digits.length - 1 - i);
  return i < 0 ? `1${zeros}` : `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${zeros}`;
}

/** -1, 0 or 1: the sign of decimal text. A RangeError for text that is not a decimal number. */
export function signOfDecimalText(text: string): -1 | 0 | 1 {
  const { negative, digits } = scaledDecimalOf(text);
  return digits === 0n ? 0 : negative ? -1 : 1;
}
