import type { Aggregation } from '../../plugin-api';
import type { Period } from '../metering/aggregation/period';
import type { RawUsageRecord } from './raw-usage-record';

/** The billed quantity of one meter of a subscription over a period. */
export interface MeterTotal {
  readonly meterId: string;
  readonly aggregation: Aggregation | `${Aggregation}`;
  /** From the meter registry; undefined for a meter whose plugin is no longer active. */
  readonly unit: string | undefined;
  /** Exact decimal string in the meter's unit (`"12.5"`, never exponent notation). */
  readonly quantity: string;
}

/** One resource's share of a meter: the meter's aggregation over that resource's usage alone. */
export interface ResourceTotal {
  /** `null` for usage that names no resource (WAP's MySQL records). */
  readonly resourceId: string | null;
  readonly quantity: string;
}

/** A metered row and the WAP record it came from, for "show me the records behind this number". */
export interface UsageEvidence {
  readonly feed: string;
  readonly eventId: string;
  readonly start: Date;
  readonly end: Date;
  /** The metered quantity of this row, exact, before any apportioning to the period. */
  readonly quantity: string;
  /** The record exactly as WAP sent it. */
  readonly record: RawUsageRecord;
}

/** One meter's quantity in one bucket of a series (an hour, a day, a month), clipped to the period asked. */
export interface UsageBucket {
  readonly meterId: string;
  readonly from: Date;
  readonly to: Date;
  readonly quantity: string;
}

export type SeriesGrain = 'hour' | 'day' | 'month';

/** One subscription's total of one meter, for admins' views across subscriptions. */
export interface SubscriptionMeterTotal {
  readonly subscriptionId: string;
  readonly meterId: string;
  readonly quantity: string;
}

/** One subscription over one period, as `totalsMany` is asked. */
export interface SubscriptionPeriod {
  readonly subscriptionId: string;
  readonly period: Period;
}

/**
 * Usage of a subscription as tenants and admins look at it: a total per meter, per resource, down
 * to the WAP records. Periods are half-open UTC `[from, to)` and must start and end on whole UTC
 * hours (the finest rollup); anything else is a RangeError.
 */
export const UsageQuery = Symbol('UsageQuery');
export interface UsageQuery {
  /** Every meter with usage in the period, by meter id, answered from the rollups. */
  totals(subscriptionId: string, period: Period): Promise<MeterTotal[]>;
  /** `totals` of many (subscription, period) pairs in a few queries, in the order asked: an invoice run prices hundreds of subscriptions at once. */
  totalsMany(requests: readonly SubscriptionPeriod[]): Promise<MeterTotal[][]>;
  /** The resources of one meter with usage in the period, by resource id, from the rollups. */
  byResource(subscriptionId: string, meterId: string, period: Period): Promise<ResourceTotal[]>;
  /** The rows of one meter and resource that count in the period, in time order, with their records. */
  records(subscriptionId: string, meterId: string, resourceId: string | null, period: Period): Promise<UsageEvidence[]>;
  /** Each meter's quantity per UTC hour, day or month of the period, in time order, from the rollups. */
  series(subscriptionId: string, period: Period, grain: SeriesGrain): Promise<UsageBucket[]>;
  /** Every subscription's total per meter over the period, for admins, by subscription then meter. */
  overview(period: Period): Promise<SubscriptionMeterTotal[]>;
}
