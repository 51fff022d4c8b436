import { Aggregation } from '../../plugin-api/meter-plugin';
import type { PartialAggregate } from '../../usage/metering/aggregation/partial-aggregate';
import { toStoredPartial, type StoredPartial } from '../../usage/metering/aggregation/stored-partial';
import { asPartial, combinedStored, exactSlotJson, exactStateJson, isExactSlot, storedOf, type RollupPartial } from '../../usage/store/exact-slot';
import { stateOf, storedPartialOf, type SlotLayout, type StoredSlots } from '../../usage/store/stored-slots';
import type { MeterSlots } from '../../usage/store/rollup-changes';

// Partials are never changed in place, and neighbouring rows often hold the same one (a
// day-long record's 24 hours do): the last JSON made for each meter is kept for the next row.
const lastOfMeter = new Map<string, { readonly partial: PartialAggregate; readonly json: string }>();

/** JSON.stringify puts such keys first, whatever the order they were set in: meter ids like them go the slow way. */
function looksLikeArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d*)$/.test(key);
}

/**
 * The `partials` column of a rollup row: `{ meterId: StoredPartial }` as JSON, meters in
 * code-unit order, exactly what `JSON.stringify` makes of an object filled in that order.
 */
export function rollupPartialsJson(partials: ReadonlyMap<string, RollupPartial>): string {
  const meterIds = [...partials.keys()].sort((a, b) => (a < b ? -1 : 1));
  if (meterIds.some(looksLikeArrayIndex)) {
    const stored: Record<string, StoredPartial> = {};
    for (const id of meterIds) stored[id] = toStoredPartial(asPartial(partials.get(id)!));
    return JSON.stringify(stored);
  }
  return `{${meterIds.map((id) => `${JSON.stringify(id)}:${jsonOf(id, partials.get(id)!)}`).join(',')}}`;
}

function jsonOf(meterId: string, partial: RollupPartial): string {
  // An exact slot is its roll-up's own: no other row holds it.
  if (isExactSlot(partial)) return exactSlotJson(partial);
  const last = lastOfMeter.get(meterId);
  if (last?.partial === partial) return last.json;
  const json = sumJson(partial) ?? JSON.stringify(toStoredPartial(partial));
  lastOfMeter.set(meterId, { partial, json });
  return json;
}

/**
 * A sum partial, the commonest, written directly: its keys are whole numbers and its values
 * decimal text (digits, a point, a sign), which JSON takes without escapes; keys ascending, as
 * JSON.stringify orders keys that look like array indexes.
 */
function sumJson(partial: PartialAggregate): string | undefined {
  if (partial.aggregation !== Aggregation.Sum) return undefined;
  const lengths = [...partial.byLength.keys()].sort((a, b) => a - b);
  if (!lengths.every((length) => Number.isSafeInteger(length) && length >= 0)) return undefined;
  return `{"aggregation":"sum","byLength":{${lengths.map((length) => `"${length}":"${partial.byLength.get(length)!.toString()}"`).join(',')}}}`;
}

/**
 * The `partials` column of a row of slots (see `StoredSlots`: an hours or a days row), meters in
 * code-unit order, slots ascending: what `JSON.stringify` makes of it, written directly for exact
 * slots (a day of a VM has a hundred of them, and a roll-up thousands of such days).
 */
export function slotPartialsJson(layout: SlotLayout, meters: ReadonlyMap<string, MeterSlots>): string {
  const meterIds = [...meters.keys()].sort((a, b) => (a < b ? -1 : 1));
  const meterJson = (id: string) => {
    const { aggregation, slots } = meters.get(id)!;
    let states = '';
    for (let slot = 0; slot < slots.length; slot++) {
      const partial = slots[slot];
      if (partial === undefined) continue;
      const state = isExactSlot(partial) ? exactStateJson(partial) : JSON.stringify(stateOf(toStoredPartial(partial)));
      states += (states === '' ? '' : ',') + slotKey(slot) + state;
    }
    return '{"a":"' + aggregation + '","' + layout.field + '":{' + states + '}}';
  };
  if (meterIds.some(looksLikeArrayIndex)) {
    return JSON.stringify(Object.fromEntries(meterIds.map((id) => [id, JSON.parse(meterJson(id)) as unknown])));
  }
  let json = '{';
  for (let i = 0; i < meterIds.length; i++) json += (i > 0 ? ',' : '') + JSON.stringify(meterIds[i]) + ':' + meterJson(meterIds[i]);
  return json + '}';
}

/** `"<slot>":`, written once for the slots a row can have (hours 0–23, days 1–31). */
const SLOT_KEYS = Array.from({ length: 32 }, (_, slot) => `"${slot}":`);

function slotKey(slot: number): string {
  return SLOT_KEYS[slot] ?? `"${slot}":`;
}

/**
 * A stored row's `partials` (`{ meterId: StoredPartial }`) with new partials added: the row is
 * parsed as JSON and only the meters added to are combined, so the rest never become decimals.
 * The same JSON as `rollupPartialsJson` of the combined partials.
 */
export function mergedPartialsJson(storedJson: string, added: ReadonlyMap<string, RollupPartial>): string {
  const stored = JSON.parse(storedJson) as Record<string, StoredPartial>;
  let newMeter = false;
  for (const [meterId, partial] of added) {
    const held = stored[meterId];
    newMeter ||= held === undefined;
    stored[meterId] = held === undefined ? storedOf(partial) : combinedStored(held, partial);
  }
  return JSON.stringify(newMeter ? inCodeUnitOrder(stored) : stored);
}

/**
 * A stored row of slots with new partials added, slot by slot and meter by meter, the same way:
 * only the slots added to are combined. The same JSON as `slotPartialsJson` of the combined slots.
 */
export function mergedSlotsJson(layout: SlotLayout, storedJson: string, added: ReadonlyMap<string, MeterSlots>): string {
  const stored = JSON.parse(storedJson) as StoredSlots<string>;
  let newMeter = false;
  for (const [meterId, { aggregation, slots }] of added) {
    let meter = stored[meterId];
    if (meter === undefined) {
      newMeter = true;
      stored[meterId] = meter = { a: aggregation, [layout.field]: {} } as StoredSlots<string>[string];
    }
    const states = meter[layout.field];
    for (let slot = 0; slot < slots.length; slot++) {
      const partial = slots[slot];
      if (partial === undefined) continue;
      const held = states[slot];
      states[slot] = stateOf(held === undefined ? storedOf(partial) : combinedStored(storedPartialOf(meter.a, held), partial));
    }
  }
  return JSON.stringify(newMeter ? inCodeUnitOrder(stored) : stored);
}

/** The object with its keys set in code-unit order, as the writers order meters (JSON.stringify still puts index-like keys first). */
function inCodeUnitOrder<T>(record: Record<string, T>): Record<string, T> {
  const ordered: Record<string, T> = {};
  for (const key of Object.keys(record).sort((a, b) => (a < b ? -1 : 1))) ordered[key] = record[key];
  return ordered;
}
