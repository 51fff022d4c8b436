import type { Decimal } from '../../money/decimal';
import type { Aggregation } from '../../plugin-api';

/**
 * One exact quantity of one meter, for one resource over one interval: what a meter makes of a
 * WAP usage record. The usage store keeps it beside the record it came from (`eventId`).
 */
export interface MeteredUsage {
  readonly subscriptionId: string;
  readonly meterId: string;
  /**
   * The VM, database or site; `null` when neither the record nor the plugin names one (WAP's
   * MySQL records carry no `ResourceId`). Aggregations treat all `null` usage as one resource.
   */
  readonly resourceId: string | null;
  /** UTC, inclusive. */
  readonly start: Date;
  /** UTC, exclusive; equal to `start` for a point-in-time reading. */
  readonly end: Date;
  /**
   * In the meter's unit; for a time-weighted meter, the level held over `[start, end)`. Metering
   * makes it an accessor (see `MeterUsageRecord`): a copy made by spreading usage names it.
   */
  readonly quantity: Decimal;
  /**
   * `quantity` as `Decimal#toString` writes it, where metering has written it already: the store
   * writes every quantity out twice (the record's metered column, the rollups), and decimal.js
   * writing it each time was a tenth of storing a page (`npm run bench`).
   */
  readonly quantityText?: string;
  /** WAP's `EventId` of the source record, a decimal string (a .NET long). */
  readonly eventId: string;
  /**
   * The meter's aggregation as its plugin declared it when the record was metered: kept with the
   * usage so that rolling it up later does not depend on the plugin still being enabled.
   */
  readonly aggregation?: Aggregation | `${Aggregation}`;
}
