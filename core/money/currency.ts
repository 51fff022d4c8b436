import { fail, ok, type Result } from '../shared/result';

/**
 * ISO 4217 minor units (digits after the decimal point) of the currencies a hoster bills in.
 * Kept as a table rather than read from `Intl.NumberFormat`: Intl follows CLDR, which describes
 * display and cash conventions and varies with Node's ICU build, while an invoice amount must be
 * fixed at the ISO precision on every machine alike.
 */
const MINOR_UNITS = {
  AED: 2, ARS: 2, AUD: 2, BGN: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2, CZK: 2,
  DKK: 2, EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, IQD: 3, ISK: 0, JOD: 3,
  JPY: 0, KES: 2, KRW: 0, KWD: 3, LYD: 3, MXN: 2, MYR: 2, NGN: 2, NOK: 2, NZD: 2, OMR: 3, PEN: 2,
  PHP: 2, PLN: 2, QAR: 2, RON: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3, TRY: 2, TWD: 2, UAH: 2,
  USD: 2, VND: 0, ZAR: 2,
} as const satisfies Record<string, 0 | 2 | 3>;

/** An ISO 4217 code this project knows the precision of. */
export type CurrencyCode = keyof typeof MINOR_UNITS;

/** Thrown where an unknown code reaches code that needs a precision: input should have been parsed first. */
export class UnknownCurrencyError extends Error {
  readonly code = 'unknown_currency';
  constructor(readonly currency: string) {
    super(`Unknown currency '${currency}': not an ISO 4217 code this project knows`);
  }
}

/** Whether `code` is a known ISO 4217 code; exact upper case only, as ISO writes it. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(MINOR_UNITS, code);
}

/** Checks a code at an input boundary (a rate card, an account's settings). */
export function parseCurrency(code: string): Result<CurrencyCode, 'unknown_currency'> {
  return isCurrencyCode(code) ? ok(code) : fail('unknown_currency', new UnknownCurrencyError(code).message);
}

/** The ISO 4217 minor units of `code` (2 for EUR, 0 for JPY, 3 for BHD); throws `UnknownCurrencyError`. */
export function minorUnitsOf(code: string): 0 | 2 | 3 {
  if (!isCurrencyCode(code)) throw new UnknownCurrencyError(code);
  return MINOR_UNITS[code];
}

/** Every known code, sorted; for pickers in the admin portal. */
export function knownCurrencies(): readonly CurrencyCode[] {
  return (Object.keys(MINOR_UNITS) as CurrencyCode[]).sort();
}
