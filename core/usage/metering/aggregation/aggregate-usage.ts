import { Aggregation } from '../../../plugin-api/meter-plugin';
import { Decimal } from '../../../money/decimal';
import type { MeteredUsage } from '../metered-usage';
import { combinePartials, emptyPartial, finishPartial, type PartialAggregate } from './partial-aggregate';
import { countsIn, liesWithin, millisecondsInside, type Period } from './period';

/** The fields of metered usage that aggregation reads. */
export type AggregatedRow = Pick<MeteredUsage, 'resourceId' | 'start' | 'end' | 'quantity' | 'eventId'>;

/**
 * The billed quantity of one meter of one subscription for `period`: the rows of that meter and
 * subscription folded by `aggregation`. Rows outside the period are ignored; a row that straddles
 * a boundary counts as follows.
 * - sum: its quantity is apportioned by time, quantity × (milliseconds inside ÷ its length), exactly
 *   (a 4-hour row of 10 with 1 hour inside the period bills 2.5);
 * - time-weighted: only the hours inside the period are multiplied by its level;
 * - max, average, latest, unique-count: the row counts whole in every period it overlaps.
 * A zero-length row counts whole in the period that contains its start.
 */
export function aggregateUsage(
  aggregation: Aggregation | `${Aggregation}`,
  rows: Iterable<AggregatedRow>,
  period: Period,
): Decimal {
  return finishPartial(foldUsage(aggregation, rows, period));
}

/** Folds rows into the partial of one window (a period or a rollup bucket), by the rules of `aggregateUsage`. */
export function foldUsage(
  aggregation: Aggregation | `${Aggregation}`,
  rows: Iterable<AggregatedRow>,
  window: Period,
): PartialAggregate {
  const checked = knownAggregation(aggregation);
  // The first row's partial stands alone: combining it with the empty partial would only copy it.
  let partial: PartialAggregate | undefined;
  for (const row of rows) {
    if (!countsIn(row, window)) continue;
    const share = partialOfRow(checked, row, window);
    partial = partial ? combinePartials(partial, share) : share;
  }
  return partial ?? emptyPartial(checked);
}

const AGGREGATIONS: ReadonlySet<string> = new Set(Object.values(Aggregation));

function knownAggregation(aggregation: Aggregation | `${Aggregation}`): Aggregation {
  if (!AGGREGATIONS.has(aggregation)) throw new RangeError(`unknown aggregation "${String(aggregation)}"`);
  return aggregation as Aggregation;
}

/** What one row that counts in `window` contributes to it. */
function partialOfRow(aggregation: Aggregation, row: AggregatedRow, window: Period): PartialAggregate {
  switch (aggregation) {
    case Aggregation.Sum: {
      const length = row.end.getTime() - row.start.getTime();
      const numerator = length === 0 ? row.quantity : row.quantity.times(millisecondsInside(row, window));
      return { aggregation, byLength: new Map([[length, numerator]]) };
    }
    case Aggregation.TimeWeighted:
      return { aggregation, levelMilliseconds: row.quantity.times(millisecondsInside(row, window)) };
    case Aggregation.Max:
      return { aggregation, max: row.quantity };
    case Aggregation.Average:
      return liesWithin(row, window)
        ? { aggregation, wholeSum: row.quantity, wholeCount: 1, spanning: new Map() }
        : { aggregation, wholeSum: new Decimal(0), wholeCount: 0, spanning: new Map([[usageKey(row), row.quantity]]) };
    case Aggregation.Latest:
      return { aggregation, latest: { end: row.end, eventId: row.eventId, quantity: row.quantity } };
    case Aggregation.UniqueCount:
      return { aggregation, resources: new Set([row.resourceId ?? '']) };
  }
}

/**
 * Identifies a row across windows: one WAP record yields one quantity per meter and resource,
 * and a partial holds a single meter of a single subscription.
 */
function usageKey(row: AggregatedRow): string {
  return `${row.eventId}\u0000${row.resourceId ?? ''}`;
}
