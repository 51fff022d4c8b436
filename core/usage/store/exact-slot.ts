import { Aggregation } from '../../plugin-api/meter-plugin';
import { Decimal } from '../../money/decimal';
import { DECIMAL_SCALE } from '../../persistence/exact-decimal';
import { plainDecimalText } from '../../plugin-api/decimal-text';
import { combinePartials, type PartialAggregate } from '../metering/aggregation/partial-aggregate';
import { fromStoredPartial, toStoredPartial, type StoredPartial } from '../metering/aggregation/stored-partial';

/**
 * The partial of a sum, time-weighted, max or unique-count meter while a roll-up adds usage to
 * it, changed in place: a roll-up folds tens of thousands of usage rows, and decimal.js (or a
 * new Set) would allocate a new partial for each step (`npm run bench`). Sums, levels and maxima
 * are whole units of 10^-12 (bigint): metering rounds every quantity to the 12 places the store
 * keeps and times are whole milliseconds, so quantity × milliseconds and every sum of them are
 * exact there. The slot becomes the same `PartialAggregate` (`exactSlotPartial`), and the same
 * stored JSON (`exactSlotJson`), as folding the rows with decimals would.
 */
export type ExactSlot =
  | ExactSum
  | { readonly exact: true; readonly aggregation: Aggregation.TimeWeighted; levelMilliseconds: bigint }
  | { readonly exact: true; readonly aggregation: Aggregation.Max; max: bigint }
  | { readonly exact: true; readonly aggregation: Aggregation.UniqueCount; readonly resources: Set<string> };

/**
 * A sum's numerators by the length of the rows they came from (see `PartialAggregate`). A slot's
 * rows mostly share one length (an hour): that one is kept in `length` and `numerator`, any
 * other in `others`, so that most slots need no map.
 */
interface ExactSum {
  readonly exact: true;
  readonly aggregation: Aggregation.Sum;
  readonly length: number;
  numerator: bigint;
  others?: Map<number, bigint>;
}

export type ExactAggregation = ExactSlot['aggregation'];

/** The aggregations whose slots hold a scaled quantity (unique-count's hold resources). */
export type ScaledAggregation = Exclude<ExactAggregation, Aggregation.UniqueCount>;

const EXACT: ReadonlySet<string> = new Set([Aggregation.Sum, Aggregation.TimeWeighted, Aggregation.Max, Aggregation.UniqueCount]);

export function isExactAggregation(aggregation: string): aggregation is ExactAggregation {
  return EXACT.has(aggregation);
}

/**
 * Below 10^15, a quantity times any record's length (under 10^11 ms, three years) keeps within
 * the 40 significant digits of the decimals that fold the same rows elsewhere; a larger one is
 * left to them, so that both always agree digit for digit.
 */
const LARGEST = 10n ** BigInt(15 + DECIMAL_SCALE);
const ZEROS = '0'.repeat(DECIMAL_SCALE);

/** `text` (a metered quantity, plain decimal digits) in units of 10^-12; undefined when it is not such text or too large. */
export function scaledQuantity(text: string): bigint | undefined {
  const point = text.indexOf('.');
  const whole = point < 0 ? text.length : point;
  const places = point < 0 ? 0 : text.length - point - 1;
  if (whole === 0 || (point >= 0 && (places === 0 || places > DECIMAL_SCALE)) || !digitsOnly(text, point)) return undefined;
  const value = BigInt(point < 0 ? text + ZEROS : text.slice(0, point) + text.slice(point + 1) + ZEROS.slice(places));
  return value < LARGEST ? value : undefined;
}

/** Whether every character but the one at `point` is a decimal digit. */
function digitsOnly(text: string, point: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && i !== point) return false;
  }
  return true;
}

/**
 * Adds one row to `slot` (a new slot when undefined), as `foldUsage` would add it: a sum keeps
 * quantity × milliseconds inside by the row's length (the plain quantity for a reading of no
 * length), a time-weighted meter level × milliseconds inside, a max the largest quantity.
 */
export function addToSlot(slot: ExactSlot | undefined, aggregation: ScaledAggregation, quantity: bigint, length: number, inside: number): ExactSlot {
  switch (aggregation) {
    case Aggregation.Sum: {
      const numerator = length === 0 ? quantity : quantity * bigintOf(inside);
      if (!slot) return { exact: true, aggregation, length, numerator };
      addToSum(slot as ExactSum, length, numerator);
      return slot;
    }
    case Aggregation.TimeWeighted: {
      const numerator = quantity * bigintOf(inside);
      if (!slot) return { exact: true, aggregation, levelMilliseconds: numerator };
      (slot as Extract<ExactSlot, { aggregation: Aggregation.TimeWeighted }>).levelMilliseconds += numerator;
      return slot;
    }
    case Aggregation.Max: {
      if (!slot) return { exact: true, aggregation, max: quantity };
      const max = slot as Extract<ExactSlot, { aggregation: Aggregation.Max }>;
      if (quantity > max.max) max.max = quantity;
      return max;
    }
  }
}

/** Adds a row's resource to a unique-count slot (a new slot when undefined); `''` stands for usage without a resource. */
export function addResourceToSlot(slot: ExactSlot | undefined, resourceId: string | null): ExactSlot {
  const unique = (slot ?? { exact: true, aggregation: Aggregation.UniqueCount, resources: new Set<string>() }) as Extract<ExactSlot, { aggregation: Aggregation.UniqueCount }>;
  unique.resources.add(resourceId ?? '');
  return unique;
}

// Rows of one length are inside buckets for the same milliseconds over and over (a whole hour).
let lastInside = -1;
let lastInsideBigint = 0n;

function bigintOf(milliseconds: number): bigint {
  if (milliseconds !== lastInside) {
    lastInside = milliseconds;
    lastInsideBigint = BigInt(milliseconds);
  }
  return lastInsideBigint;
}

function addToSum(sum: ExactSum, length: number, numerator: bigint): void {
  if (length === sum.length) sum.numerator += numerator;
  else (sum.others ??= new Map()).set(length, (sum.others.get(length) ?? 0n) + numerator);
}

/** A sum's numerators by row length, shortest first. */
function sumEntries(sum: ExactSum): [number, bigint][] {
  const entries: [number, bigint][] = [[sum.length, sum.numerator]];
  if (sum.others) for (const entry of sum.others) entries.push(entry);
  return entries.length === 1 ? entries : entries.sort(([a], [b]) => a - b);
}

/** Adds everything `from` holds to `into`, in place (days into their month). */
export function addSlot(into: ExactSlot, from: ExactSlot): void {
  if (into.aggregation === Aggregation.Sum && from.aggregation === Aggregation.Sum) {
    addToSum(into, from.length, from.numerator);
    if (from.others) for (const [length, numerator] of from.others) addToSum(into, length, numerator);
  } else if (into.aggregation === Aggregation.TimeWeighted && from.aggregation === Aggregation.TimeWeighted) {
    into.levelMilliseconds += from.levelMilliseconds;
  } else if (into.aggregation === Aggregation.Max && from.aggregation === Aggregation.Max) {
    if (from.max > into.max) into.max = from.max;
  } else if (into.aggregation === Aggregation.UniqueCount && from.aggregation === Aggregation.UniqueCount) {
    for (const resource of from.resources) into.resources.add(resource);
  } else {
    throw new TypeError(`cannot add a ${from.aggregation} slot to a ${into.aggregation} slot`);
  }
}

export function copySlot(slot: ExactSlot): ExactSlot {
  switch (slot.aggregation) {
    case Aggregation.Sum: return { ...slot, others: slot.others && new Map(slot.others) };
    case Aggregation.TimeWeighted: return { exact: true, aggregation: slot.aggregation, levelMilliseconds: slot.levelMilliseconds };
    case Aggregation.Max: return { exact: true, aggregation: slot.aggregation, max: slot.max };
    case Aggregation.UniqueCount: return { exact: true, aggregation: slot.aggregation, resources: new Set(slot.resources) };
  }
}

export function exactSlotPartial(slot: ExactSlot): PartialAggregate {
  switch (slot.aggregation) {
    case Aggregation.Sum:
      return { aggregation: slot.aggregation, byLength: new Map(sumEntries(slot).map(([length, v]) => [length, new Decimal(scaledText(v))])) };
    case Aggregation.TimeWeighted: return { aggregation: slot.aggregation, levelMilliseconds: new Decimal(scaledText(slot.levelMilliseconds)) };
    case Aggregation.Max: return { aggregation: slot.aggregation, max: new Decimal(scaledText(slot.max)) };
    case Aggregation.UniqueCount: return { aggregation: slot.aggregation, resources: new Set(slot.resources) };
  }
}

/** `JSON.stringify(toStoredPartial(exactSlotPartial(slot)))`, without the decimals. */
export function exactSlotJson(slot: ExactSlot): string {
  return `{"aggregation":"${slot.aggregation}","${STATE_FIELD[slot.aggregation]}":${exactStateJson(slot)}}`;
}

const STATE_FIELD: Record<ExactAggregation, string> = {
  [Aggregation.Sum]: 'byLength', [Aggregation.TimeWeighted]: 'levelMilliseconds', [Aggregation.Max]: 'max', [Aggregation.UniqueCount]: 'resources',
};

/** What the slot's stored partial holds besides its aggregation, as JSON (the state an hours row keeps). */
export function exactStateJson(slot: ExactSlot): string {
  switch (slot.aggregation) {
    case Aggregation.Sum: {
      if (!slot.others) return '{"' + slot.length + '":"' + scaledText(slot.numerator) + '"}';
      return `{${sumEntries(slot).map(([length, numerator]) => `"${length}":"${scaledText(numerator)}"`).join(',')}}`;
    }
    case Aggregation.TimeWeighted: return quoted(scaledText(slot.levelMilliseconds));
    case Aggregation.Max: return quoted(scaledText(slot.max));
    case Aggregation.UniqueCount: return resourcesJson(slot.resources);
  }
}

let lastText = '';
let lastQuoted = '""';

/** Decimal text as a JSON string (no escapes needed), the last one written once while it repeats. */
function quoted(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastQuoted = `"${text}"`;
  }
  return lastQuoted;
}

// A VM's unique-count slots each hold that one VM: its JSON is written once while it repeats.
let lastResource: string | undefined;
let lastResourceJson = '';

/** The resources as `toStoredPartial` keeps them (sorted), as JSON. */
function resourcesJson(resources: ReadonlySet<string>): string {
  if (resources.size === 1) {
    for (const resource of resources) {
      if (resource !== lastResource) {
        lastResource = resource;
        lastResourceJson = `[${JSON.stringify(resource)}]`;
      }
      return lastResourceJson;
    }
  }
  return JSON.stringify([...resources].sort());
}

// The hours of a day often hold the same value (a VM's cores and memory): the last one is written once.
let lastScaled = -1n;
let lastScaledText = '';

/** A scaled value as `Decimal#toString` writes the same number: no trailing zeros, no point for a whole number. */
export function scaledText(value: bigint): string {
  if (value !== lastScaled) {
    lastScaled = value;
    lastScaledText = plainDecimalText(value, DECIMAL_SCALE);
  }
  return lastScaledText;
}

/** A rollup's partial while it is being written: decimals, or an exact slot. */
export type RollupPartial = PartialAggregate | ExactSlot;

export function isExactSlot(partial: RollupPartial): partial is ExactSlot {
  return (partial as { exact?: unknown }).exact === true;
}

export function asPartial(partial: RollupPartial): PartialAggregate {
  return isExactSlot(partial) ? exactSlotPartial(partial) : partial;
}

/**
 * A stored sum, time-weighted, max or unique-count partial as an exact slot, for folding many of
 * them (a tenant's daily series reads hundreds); undefined for other aggregations, an empty max,
 * or a value `scaledQuantity` leaves to decimals.
 */
export function exactSlotOfStored(stored: StoredPartial): ExactSlot | undefined {
  switch (stored.aggregation) {
    case 'sum': {
      let sum: ExactSum | undefined;
      for (const length in stored.byLength) {
        const value = scaledQuantity(stored.byLength[length]);
        if (value === undefined) return undefined;
        if (sum) addToSum(sum, Number(length), value);
        else sum = { exact: true, aggregation: Aggregation.Sum, length: Number(length), numerator: value };
      }
      // A sum of no rows at all is left to decimals, which keep it empty.
      return sum;
    }
    case 'time-weighted': {
      const value = scaledQuantity(stored.levelMilliseconds);
      return value === undefined ? undefined : { exact: true, aggregation: Aggregation.TimeWeighted, levelMilliseconds: value };
    }
    case 'max': {
      const value = stored.max === null ? undefined : scaledQuantity(stored.max);
      return value === undefined ? undefined : { exact: true, aggregation: Aggregation.Max, max: value };
    }
    case 'unique-count': return { exact: true, aggregation: Aggregation.UniqueCount, resources: new Set(stored.resources) };
    default:
      return undefined;
  }
}

/** The stored form of a partial being written: what `toStoredPartial` makes of it, without decimals for an exact slot. */
export function storedOf(partial: RollupPartial): StoredPartial {
  if (!isExactSlot(partial)) return toStoredPartial(partial);
  switch (partial.aggregation) {
    case Aggregation.Sum: {
      const byLength: Record<string, string> = {};
      for (const [length, numerator] of sumEntries(partial)) byLength[length] = scaledText(numerator);
      return { aggregation: 'sum', byLength };
    }
    case Aggregation.TimeWeighted: return { aggregation: 'time-weighted', levelMilliseconds: scaledText(partial.levelMilliseconds) };
    case Aggregation.Max: return { aggregation: 'max', max: scaledText(partial.max) };
    case Aggregation.UniqueCount: return { aggregation: 'unique-count', resources: [...partial.resources].sort() };
  }
}

/**
 * A stored partial with a new one added, in stored form: in exact slots when both can be (no
 * decimal made or written), otherwise through `combinePartials`.
 */
export function combinedStored(stored: StoredPartial, added: RollupPartial): StoredPartial {
  const slot = isExactSlot(added) ? exactSlotOfStored(stored) : undefined;
  if (slot && slot.aggregation === added.aggregation) {
    addSlot(slot, added as ExactSlot);
    return storedOf(slot);
  }
  return toStoredPartial(combinePartials(fromStoredPartial(stored), asPartial(added)));
}
