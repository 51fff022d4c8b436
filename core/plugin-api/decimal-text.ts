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

const DECIMAL_TEXT = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;

function scaledDecimalOf(text: string): ScaledDecimal {
  const match = DECIMAL_TEXT.exec(text.trim());
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole + fraction === '') throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const exponent = match[4] === undefined ? 0 : Number(match[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 10_000) throw new RangeError(`exponent out of range: ${JSON.stringify(text)}`);
  const scale = fraction.length - exponent;
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { negative: match[1] === '-', digits, scale } : { negative: match[1] === '-', digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** Plain decimal digits, as `Decimal#toString` writes them: no exponent, no trailing zeros, `-` only below zero. */
function textOf({ negative, digits, scale }: ScaledDecimal): string {
  let text = digits.toString();
  if (scale > 0) {
    if (text.length <= scale) text = '0'.repeat(scale - text.length + 1) + text;
    let end = text.length;
    while (end > text.length - scale && text.charCodeAt(end - 1) === 48) end--;
    const point = text.length - scale;
    text = end === point ? text.slice(0, point) : `${text.slice(0, point)}.${text.slice(point, end)}`;
  }
  return negative && digits !== 0n ? `-${text}` : text;
}

/** -1, 0 or 1: the sign of decimal text. A RangeError for text that is not a decimal number. */
export function signOfDecimalText(text: string): -1 | 0 | 1 {
  const { negative, digits } = scaledDecimalOf(text);
  return digits === 0n ? 0 : negative ? -1 : 1;
}

/** The exact product of two decimal texts, as plain decimal text. A RangeError for text that is not a decimal number. */
export function multiplyDecimalText(a: string, b: string): string {
  const x = scaledDecimalOf(a);
  const y = scaledDecimalOf(b);
  return textOf({ negative: x.negative !== y.negative, digits: x.digits * y.digits, scale: x.scale + y.scale });
}

/**
 * Decimal text rounded half away from zero to at most `places` decimal places (as decimal.js's
 * `ROUND_HALF_UP`), as plain decimal text. A RangeError for text that is not a decimal number.
 */
export function roundDecimalText(text: string, places: number): string {
  const value = scaledDecimalOf(text);
  if (value.scale <= places) return textOf(value);
  const unit = 10n ** BigInt(value.scale - places);
  const kept = value.digits / unit;
  const rounded = (value.digits % unit) * 2n >= unit ? kept + 1n : kept;
  return textOf({ negative: value.negative, digits: rounded, scale: places });
}
