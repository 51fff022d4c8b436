import DecimalJs from 'decimal.js';

/**
 * The one arbitrary-precision decimal type of the project: quantities, prices and amounts.
 * 40 significant digits hold any quantity WAP reports times any price; rounding to a currency's
 * precision is explicit (see rounding rules), never implied by this configuration. `toString()`
 * writes plain digits (no exponent) for every magnitude between 1e-40 and 1e40, so it is the
 * exact text of a quantity or amount.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

/** Parses an exact decimal string; undefined when `text` is not a finite decimal number. */
export function parseDecimal(text: string): Decimal | undefined {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim())) return undefined;
  return new Decimal(text.trim());
}
