import { Aggregation } from '../../../plugin-api/meter-plugin';
import { Decimal } from '../../../money/decimal';
import type { PartialAggregate } from './partial-aggregate';

/**
 * A `PartialAggregate` as JSON, for a rollup row of the usage store: decimals as exact strings,
 * times as ISO strings, maps as objects and sets as sorted arrays (so equal partials store equal).
 */
export type StoredPartial =
  | { readonly aggregation: 'sum'; readonly byLength: Readonly<Record<string, string>> }
  | { readonly aggregation: 'time-weighted'; readonly levelMilliseconds: string }
  | { readonly aggregation: 'max'; readonly max: string | null }
  | {
      readonly aggregation: 'average';
      readonly wholeSum: string;
      readonly wholeCount: number;
      readonly spanning: Readonly<Record<string, string>>;
    }
  | { readonly aggregation: 'latest'; readonly latest: { readonly end: string; readonly eventId: string; readonly quantity: string } | null }
  | { readonly aggregation: 'unique-count'; readonly resources: readonly string[] };

export function toStoredPartial(partial: PartialAggregate): StoredPartial {
  switch (partial.aggregation) {
    case Aggregation.Sum: return { aggregation: 'sum', byLength: decimalsByKey(partial.byLength) };
    case Aggregation.TimeWeighted: return { aggregation: 'time-weighted', levelMilliseconds: partial.levelMilliseconds.toString() };
    case Aggregation.Max: return { aggregation: 'max', max: partial.max?.toString() ?? null };
    case Aggregation.Average:
      return { aggregation: 'average', wholeSum: partial.wholeSum.toString(), wholeCount: partial.wholeCount, spanning: decimalsByKey(partial.spanning) };
    case Aggregation.Latest: {
      const l = partial.latest;
      return { aggregation: 'latest', latest: l ? { end: l.end.toISOString(), eventId: l.eventId, quantity: l.quantity.toString() } : null };
    }
    case Aggregation.UniqueCount: return { aggregation: 'unique-count', resources: [...partial.resources].sort() };
  }
}

/** Reads back what `toStoredPartial` wrote; a stored row is trusted (the store wrote it). */
export function fromStoredPartial(stored: StoredPartial): PartialAggregate {
  switch (stored.aggregation) {
    case 'sum':
      return { aggregation: Aggregation.Sum, byLength: new Map(Object.entries(stored.byLength).map(([k, v]) => [Number(k), new Decimal(v)])) };
    case 'time-weighted': return { aggregation: Aggregation.TimeWeighted, levelMilliseconds: new Decimal(stored.levelMilliseconds) };
    case 'max': return { aggregation: Aggregation.Max, max: stored.max === null ? undefined : new Decimal(stored.max) };
    case 'average':
      return {
        aggregation: Aggregation.Average,
        wholeSum: new Decimal(stored.wholeSum),
        wholeCount: stored.wholeCount,
        spanning: new Map(Object.entries(stored.spanning).map(([k, v]) => [k, new Decimal(v)])),
      };
    case 'latest': {
      const l = stored.latest;
      return { aggregation: Aggregation.Latest, latest: l ? { end: new Date(l.end), eventId: l.eventId, quantity: new Decimal(l.quantity) } : undefined };
    }
    case 'unique-count': return { aggregation: Aggregation.UniqueCount, resources: new Set(stored.resources) };
  }
}

function decimalsByKey<K extends string | number>(map: ReadonlyMap<K, Decimal>): Record<string, string> {
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map(k => [String(k), (map.get(k) as Decimal).toString()]));
}
