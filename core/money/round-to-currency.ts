import { Decimal } from './decimal';
import { minorUnitsOf } from './currency';

/**
 * THE rounding rule of the project: half-up (ties away from zero) at the currency's ISO 4217
 * precision, so 0.0005 BHD → 0.001, 2.5 JPY → 3, and a credit of -0.005 EUR → -0.01.
 *
 * Why half-up: it is the commercial rounding tenants, accountants and tax authorities expect and
 * can reproduce with a calculator; the bias that half-even avoids only matters when many rounded
 * values are summed, and amounts here are rounded once per invoice line, never per usage record
 * or per tier. Ties go away from zero so that a credit line mirrors the charge it reverses.
 *
 * Where: rating and proration return unrounded amounts; the invoice rounds each line with this
 * rule once, and the invoice total is the sum of the rounded lines (what the tenant sees adds up).
 * Throws `UnknownCurrencyError` for an unknown code.
 */
export function roundToCurrency(amount: Decimal, currency: string): Decimal {
  return amount.toDecimalPlaces(minorUnitsOf(currency), Decimal.ROUND_HALF_UP);
}

/** `roundToCurrency` written with exactly the currency's digits (`"0.00"`, `"12"`, `"0.001"`), for invoices. */
export function roundedAmountText(amount: Decimal, currency: string): string {
  // Decimal#toFixed pads to the currency's digits ("26.20"); it never passes through a float.
  return roundToCurrency(amount, currency).toFixed(minorUnitsOf(currency));
}
