import { Decimal } from './decimal';
import { isCurrencyCode, UnknownCurrencyError, type CurrencyCode } from './currency';
import { roundToCurrency, roundedAmountText } from './round-to-currency';

/** Thrown when amounts of two currencies meet: converting is never implicit, so this is a bug. */
export class CurrencyMismatchError extends Error {
  readonly code = 'currency_mismatch';
  constructor(readonly left: CurrencyCode, readonly right: CurrencyCode) {
    super(`Cannot combine ${left} and ${right} amounts`);
  }
}

/**
 * An amount in one currency. The amount keeps full precision (a prorated fee, a tier amount);
 * `rounded()` fixes it at the currency's precision by the one rounding rule.
 */
export class Money {
  private constructor(readonly amount: Decimal, readonly currency: CurrencyCode) {}

  /** Throws `UnknownCurrencyError` for an unknown code, and a `RangeError` for NaN or infinite amounts. */
  static of(amount: Decimal | string, currency: string): Money {
    if (!isCurrencyCode(currency)) throw new UnknownCurrencyError(currency);
    const value = new Decimal(amount);
    if (!value.isFinite()) throw new RangeError(`Not a finite amount: ${value.toString()}`);
    return new Money(value, currency);
  }

  static zero(currency: string): Money {
    return Money.of(new Decimal(0), currency);
  }

  /** Throws `CurrencyMismatchError` when `other` is in another currency. */
  plus(other: Money): Money {
    return new Money(this.amount.plus(this.sameCurrency(other).amount), this.currency);
  }

  /** Throws `CurrencyMismatchError` when `other` is in another currency. */
  minus(other: Money): Money {
    return new Money(this.amount.minus(this.sameCurrency(other).amount), this.currency);
  }

  /** Scales by an exact factor (a proration fraction, a discount rate); not rounded. */
  times(factor: Decimal | string): Money {
    return new Money(this.amount.times(factor), this.currency);
  }

  /** Half-up at the currency's precision: see `roundToCurrency`. */
  rounded(): Money {
    return new Money(roundToCurrency(this.amount, this.currency), this.currency);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  /** Same currency and numerically equal amounts (`1.50` equals `1.5`). */
  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  /** The rounded amount with the currency's digits and its code: `"12.30 EUR"`. */
  toString(): string {
    return `${roundedAmountText(this.amount, this.currency)} ${this.currency}`;
  }

  private sameCurrency(other: Money): Money {
    if (other.currency !== this.currency) throw new CurrencyMismatchError(this.currency, other.currency);
    return other;
  }
}
