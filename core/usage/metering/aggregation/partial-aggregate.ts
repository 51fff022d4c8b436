import { Aggregation } from '../../../plugin-api/meter-plugin';
import { Decimal } from '../../../money/decimal';

const MILLISECONDS_PER_HOUR = 3_600_000;

/** The record that ends last, for `latest`: its real end, not clipped to a bucket, so that buckets agree. */
export interface LatestReading {
  readonly end: Date;
  readonly eventId: string;
  readonly quantity: Decimal;
}

/**
 * What one meter's usage contributes to a window (a rollup bucket or a whole period), in a form
 * that `combinePartials` can merge with the neighbouring windows without the raw rows, and that
 * `finishPartial` turns into the billed quantity. Folding raw rows over a period and combining the
 * hourly or daily partials of the same rows give the same decimal, digit for digit: every state
 * below is either exact (sums of exact products) or idempotent under merging (max, latest, sets),
 * and every division waits for `finishPartial`.
 */
export type PartialAggregate =
  | {
      readonly aggregation: Aggregation.Sum;
      /**
       * Record length in milliseconds → Σ quantity × milliseconds inside the window. A row is
       * apportioned as quantity × inside ÷ length; grouping the numerators by length makes the
       * division happen once per length, at the end, whatever the windows were. Length 0 holds
       * the plain sum of zero-length rows.
       */
      readonly byLength: ReadonlyMap<number, Decimal>;
    }
  | {
      readonly aggregation: Aggregation.TimeWeighted;
      /** Σ level × milliseconds held inside the window; hours come at the end (÷ 3 600 000). */
      readonly levelMilliseconds: Decimal;
    }
  | { readonly aggregation: Aggregation.Max; readonly max: Decimal | undefined }
  | {
      readonly aggregation: Aggregation.Average;
      /** Rows wholly inside the window: they can be in no other window, so a sum and count suffice. */
      readonly wholeSum: Decimal;
      readonly wholeCount: number;
      /**
       * Rows that reach past the window's edges, by `usageKey`: a neighbouring window holds them
       * too, and the key keeps a combined average from counting them twice.
       */
      readonly spanning: ReadonlyMap<string, Decimal>;
    }
  | { readonly aggregation: Aggregation.Latest; readonly latest: LatestReading | undefined }
  | {
      readonly aggregation: Aggregation.UniqueCount;
      /** Resource ids; `''` stands for usage without a resource, which counts as one resource. */
      readonly resources: ReadonlySet<string>;
    };

/** The partial of a window without usage; `finishPartial` makes it zero. */
export function emptyPartial(aggregation: Aggregation | `${Aggregation}`): PartialAggregate {
  switch (aggregation) {
    case Aggregation.Sum: return { aggregation: Aggregation.Sum, byLength: new Map() };
    case Aggregation.TimeWeighted: return { aggregation: Aggregation.TimeWeighted, levelMilliseconds: new Decimal(0) };
    case Aggregation.Max: return { aggregation: Aggregation.Max, max: undefined };
    case Aggregation.Average: return { aggregation: Aggregation.Average, wholeSum: new Decimal(0), wholeCount: 0, spanning: new Map() };
    case Aggregation.Latest: return { aggregation: Aggregation.Latest, latest: undefined };
    case Aggregation.UniqueCount: return { aggregation: Aggregation.UniqueCount, resources: new Set() };
    default: throw new RangeError(`unknown aggregation "${String(aggregation)}"`);
  }
}

/** Merges the partials of two windows of the same meter; neither argument is changed. */
export function combinePartials(a: PartialAggregate, b: PartialAggregate): PartialAggregate {
  switch (a.aggregation) {
    case Aggregation.Sum: {
      const byLength = new Map(a.byLength);
      for (const [length, numerator] of same(a, b).byLength) {
        byLength.set(length, (byLength.get(length) ?? new Decimal(0)).plus(numerator));
      }
      return { aggregation: a.aggregation, byLength };
    }
    case Aggregation.TimeWeighted:
      return { aggregation: a.aggregation, levelMilliseconds: a.levelMilliseconds.plus(same(a, b).levelMilliseconds) };
    case Aggregation.Max: {
      const other = same(a, b).max;
      return { aggregation: a.aggregation, max: a.max === undefined || (other !== undefined && other.gt(a.max)) ? other : a.max };
    }
    case Aggregation.Average: {
      const other = same(a, b);
      return {
        aggregation: a.aggregation,
        wholeSum: a.wholeSum.plus(other.wholeSum),
        wholeCount: a.wholeCount + other.wholeCount,
        spanning: new Map([...other.spanning, ...a.spanning]),
      };
    }
    case Aggregation.Latest: {
      const other = same(a, b).latest;
      return { aggregation: a.aggregation, latest: a.latest === undefined || (other !== undefined && endsLater(other, a.latest)) ? other : a.latest };
    }
    case Aggregation.UniqueCount:
      return { aggregation: a.aggregation, resources: new Set([...a.resources, ...same(a, b).resources]) };
  }
}

/** The billed quantity of a window, in the meter's unit (hours for time-weighted); zero without usage. */
export function finishPartial(partial: PartialAggregate): Decimal {
  switch (partial.aggregation) {
    case Aggregation.Sum: {
      // A fixed order of lengths keeps the result independent of the order rows arrived in.
      const lengths = [...partial.byLength.keys()].sort((x, y) => x - y);
      return lengths.reduce((total, length) => {
        const numerator = partial.byLength.get(length) as Decimal;
        return total.plus(length === 0 ? numerator : numerator.div(length));
      }, new Decimal(0));
    }
    case Aggregation.TimeWeighted:
      return partial.levelMilliseconds.div(MILLISECONDS_PER_HOUR);
    case Aggregation.Max:
      return partial.max ?? new Decimal(0);
    case Aggregation.Average: {
      const count = partial.wholeCount + partial.spanning.size;
      if (count === 0) return new Decimal(0);
      const total = [...partial.spanning.values()].reduce((sum, q) => sum.plus(q), partial.wholeSum);
      return total.div(count);
    }
    case Aggregation.Latest:
      return partial.latest?.quantity ?? new Decimal(0);
    case Aggregation.UniqueCount:
      return new Decimal(partial.resources.size);
  }
}

/**
 * Whether `a` ends after `b`. Ties (two records ending together) go to the larger WAP EventId,
 * which WAP hands out in order, then to the larger quantity, so that the answer never depends on
 * the order in which windows are combined.
 */
function endsLater(a: LatestReading, b: LatestReading): boolean {
  const byEnd = a.end.getTime() - b.end.getTime();
  if (byEnd !== 0) return byEnd > 0;
  const byEvent = compareEventIds(a.eventId, b.eventId);
  if (byEvent !== 0) return byEvent > 0;
  return a.quantity.gt(b.quantity);
}

/** Compares two EventIds (decimal strings that may exceed JavaScript's safe integers). */
function compareEventIds(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

function same<T extends PartialAggregate>(a: T, b: PartialAggregate): T {
  if (a.aggregation !== b.aggregation) {
    throw new TypeError(`cannot combine a ${a.aggregation} partial with a ${b.aggregation} partial`);
  }
  return b as T;
}
