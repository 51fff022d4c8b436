import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { Aggregation } from '../../../core/plugin-api';
import { finishPartial } from '../../../core/usage/metering/aggregation/partial-aggregate';
import { addResourceToSlot, addToSlot, exactSlotPartial, scaledText, type ExactSlot } from '../../../core/usage/store/exact-slot';
import { finishedQuantity, scaledQuotient } from '../../../core/usage/store/finished-quantity';

/** What the decimals make of the same division: the answer `finishedQuantity` must write digit for digit. */
const byDecimals = (numerator: bigint, divisor: number) => new Decimal(scaledText(numerator)).div(divisor.toString()).toString();

/** A repeatable stream of bigints below 10^digits (xorshift), so that a failure names its inputs. */
function* bigints(count: number, seed: number): Generator<bigint> {
  let x = seed;
  for (let i = 0; i < count; i++) {
    let value = 0n;
    const digits = 1 + (i % 27);
    for (let d = 0; d < digits; d++) {
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
      value = value * 10n + BigInt((x >>> 0) % 10);
    }
    yield value;
  }
}

describe('a rolled-up quantity finished on its integers', () => {
  it('divides as decimal.js does: 40 significant digits, half up, no trailing zeros', () => {
    // One unit for one millisecond of an hour.
    expect(scaledQuotient(1_000_000_000_000n, 3_600_000)).to.equal('0.0000002777777777777777777777777777777777777778');
    expect(scaledQuotient(3_600_000_000_000_000_000n, 3_600_000)).to.equal('1');
    expect(scaledQuotient(7_200_000_000_000_000_000n * 5n, 3_600_000)).to.equal('10');
    expect(scaledQuotient(2n, 3)).to.equal('0.0000000000006666666666666666666666666666666666666667');
    expect(scaledQuotient(0n, 7)).to.equal('0');
    // A quotient whose 41st digit rounds the 40 before it up to a power of ten.
    for (const nines of [10n ** 26n - 1n, 99_999_999_999_999_999_999_995n]) expect(scaledQuotient(nines, 9_999_999), String(nines)).to.equal(byDecimals(nines, 9_999_999));
    // The same quotient twice (the last one is kept), then another.
    expect([scaledQuotient(5n, 3), scaledQuotient(5n, 3), scaledQuotient(5n, 7)]).to.deep.equal([byDecimals(5n, 3), byDecimals(5n, 3), byDecimals(5n, 7)]);
  });

  it('agrees with the decimals on thousands of quantities, hours and row lengths', () => {
    const divisors = [1, 3, 7, 1000, 3_600_000, 86_400_000, 2_678_400_000, 99_999_999_999];
    let compared = 0;
    for (const numerator of bigints(4000, 2463534242)) {
      for (const divisor of divisors) {
        expect(scaledQuotient(numerator, divisor), `${numerator} / ${divisor}`).to.equal(byDecimals(numerator, divisor));
        compared++;
      }
    }
    expect(compared).to.equal(32_000);
  });

  it('finishes every kind of exact slot as finishPartial does, and leaves sums of several row lengths to it', () => {
    const hour = 3_600_000;
    const slots: ExactSlot[] = [
      addToSlot(undefined, Aggregation.TimeWeighted, 1_333_333_333_333n, hour, 1_234_567),
      addToSlot(undefined, Aggregation.Sum, 2_500_000_000_000n, 2_700_000, 900_000),
      addToSlot(undefined, Aggregation.Sum, 7_000_000_000_000n, 0, 0),
      addToSlot(addToSlot(undefined, Aggregation.Sum, 1_000_000_000_000n, hour, 1_000), Aggregation.Sum, 1_000_000_000_000n, 7, 7),
      addToSlot(undefined, Aggregation.Max, 42_500_000_000_000n, hour, hour),
      addResourceToSlot(addResourceToSlot(undefined, 'vm-1'), 'vm-2'),
    ];
    const answers = slots.map((slot) => finishedQuantity(slot));
    expect(answers).to.deep.equal(slots.map((slot) => finishPartial(exactSlotPartial(slot)).toString()));
    expect(answers.slice(1, 3)).to.deep.equal(['0.8333333333333333333333333333333333333333', '7']);
    expect(answers[5]).to.equal('2');
  });
});
