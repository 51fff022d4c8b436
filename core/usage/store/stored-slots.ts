import type { StoredPartial } from '../metering/aggregation/stored-partial';
import { utcMonthOf } from './rollup-spans';

type StoredAggregation = StoredPartial['aggregation'];

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * How a rollup row that holds many buckets of one resource numbers them: hours of a UTC day
 * (`h`, 0–23), or days of a UTC month (`d`, 1–31). A VM's day is a fifth of the size it would
 * be as 24 rows of whole partials, a reader of one meter decodes only that meter's slots, and a
 * month's drill-down reads a row per resource instead of one per resource and day.
 */
export interface SlotLayout<F extends string = string> {
  /** The field of a meter's entry that holds its slots. */
  readonly field: F;
  /** A slot's length, in milliseconds. */
  readonly width: number;
  /** The number of a row's first slot. */
  readonly first: number;
  /** The start (ms) of the row that holds `instant`: its `bucket_start`. */
  rowStartOf(instant: number): number;
}

export const HOURS_OF_DAY: SlotLayout<'h'> = { field: 'h', width: HOUR, first: 0, rowStartOf: (instant) => Math.floor(instant / DAY) * DAY };

// Months differ in length, but every one starts on a whole UTC day: day d starts d - 1 days in.
export const DAYS_OF_MONTH: SlotLayout<'d'> = { field: 'd', width: DAY, first: 1, rowStartOf: (instant) => utcMonthOf(instant).from.getTime() };

/** The number of the slot starting at `slotStart` (ms) in the row starting at `rowStart`. */
export function slotNumber(layout: SlotLayout, rowStart: number, slotStart: number): number {
  return (slotStart - rowStart) / layout.width + layout.first;
}

/** The start (ms) of slot `slot` of the row starting at `rowStart`. */
export function slotStart(layout: SlotLayout, rowStart: number, slot: number): number {
  return rowStart + (slot - layout.first) * layout.width;
}

/**
 * The `partials` column of a row of slots: by meter, its aggregation once and each slot's state
 * (by slot number), the state being what the meter's `StoredPartial` holds besides its aggregation.
 */
export type StoredSlots<F extends string> = Record<string, { readonly a: StoredAggregation } & { readonly [field in F]: Record<string, unknown> }>;

/** An hours row: one resource, one UTC day, by hour of the day (0–23). */
export type StoredHours = StoredSlots<'h'>;

/** A days row: one resource, one UTC month, by day of the month (1–31). */
export type StoredDays = StoredSlots<'d'>;

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
