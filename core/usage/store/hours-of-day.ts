import type { RollupPartial } from './exact-slot';
import type { RollupChange } from './rollup-changes';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * The hourly rollups keep a UTC day of one resource in one row (a day-long record makes one row,
 * not 24): its partials are keyed by hour slot, the hour of the day and the meter.
 */
export function hourSlot(hour: number, meterId: string): string {
  return `${hour}\u0000${meterId}`;
}

export function hourSlotParts(slot: string): { readonly hour: number; readonly meterId: string } {
  const cut = slot.indexOf('\u0000');
  return { hour: Number(slot.slice(0, cut)), meterId: slot.slice(cut + 1) };
}

/** Hourly changes as changes of their days' rows, each partial under its hour slot. */
export function hoursByDay(hours: readonly RollupChange[]): RollupChange[] {
  const days = new Map<string, { change: RollupChange; partials: Map<string, RollupPartial> }>();
  for (const change of hours) {
    const hourStart = change.bucketStart.getTime();
    const dayStart = Math.floor(hourStart / DAY) * DAY;
    const key = `${change.subscriptionId}\u0000${change.resourceId}\u0000${dayStart}`;
    let day = days.get(key);
    if (!day) {
      const partials = new Map<string, RollupPartial>();
      day = { change: { subscriptionId: change.subscriptionId, resourceId: change.resourceId, bucketStart: new Date(dayStart), partials }, partials };
      days.set(key, day);
    }
    const hour = (hourStart - dayStart) / HOUR;
    for (const [meterId, partial] of change.partials) day.partials.set(hourSlot(hour, meterId), partial);
  }
  return [...days.values()].map((d) => d.change);
}
