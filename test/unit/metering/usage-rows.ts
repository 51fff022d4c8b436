import { Decimal } from '../../../core/money/decimal';
import type { MeteredUsage } from '../../../core/usage/metering/metered-usage';
import type { Period } from '../../../core/usage/metering/aggregation/period';

let nextEventId = 1;

/** Metered usage of meter `test.meter` for one subscription, over `[start, end)` in UTC. */
export function usage(
  start: string,
  end: string,
  quantity: string,
  options: { resourceId?: string | null; eventId?: string } = {},
): MeteredUsage {
  return {
    subscriptionId: 'sub-1',
    meterId: 'test.meter',
    resourceId: options.resourceId === undefined ? 'res-1' : options.resourceId,
    start: new Date(start),
    end: new Date(end),
    quantity: new Decimal(quantity),
    eventId: options.eventId ?? String(nextEventId++),
  };
}

export function period(from: string, to: string): Period {
  return { from: new Date(from), to: new Date(to) };
}

export const MARCH_2025 = period('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
export const APRIL_2025 = period('2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z');
