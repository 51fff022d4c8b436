import type { StoredPartial } from '../metering/aggregation/stored-partial';

type StoredAggregation = StoredPartial['aggregation'];

/**
 * The `partials` column of an hours row (one resource, one UTC day): by meter, its aggregation
 * once and each hour's state (`h`, by hour of the day 0–23), the state being what the meter's
 * `StoredPartial` holds besides its aggregation. A VM's day is a fifth of the size it would be as
 * 24 sets of whole partials, and a reader of one meter decodes only that meter's hours.
 */
export type StoredHours = Record<string, { readonly a: StoredAggregation; readonly h: Record<string, unknown> }>;

/** The one field besides `aggregation` that holds each aggregation's state; average has three. */
const STATE_FIELD: Record<Exclude<StoredAggregation, 'average'>, string> = {
  sum: 'byLength', 'time-weighted': 'levelMilliseconds', max: 'max', latest: 'latest', 'unique-count': 'resources',
};

export function stateOf(stored: StoredPartial): unknown {
  if (stored.aggregation === 'average') {
    const { aggregation: _aggregation, ...state } = stored;
    return state;
  }
  return (stored as unknown as Record<string, unknown>)[STATE_FIELD[stored.aggregation]];
}

export function storedPartialOf(aggregation: StoredAggregation, state: unknown): StoredPartial {
  if (aggregation === 'average') return { aggregation, ...(state as object) } as StoredPartial;
  return { aggregation, [STATE_FIELD[aggregation]]: state } as unknown as StoredPartial;
}
