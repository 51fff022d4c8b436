export const CollectorSettings = Symbol('CollectorSettings');
export interface CollectorSettings {
  /** Records asked for per request (WAP's billing adapter sample uses 100). */
  readonly batchSize: number;
  /** How long this instance holds the collector lease without renewing it. */
  readonly leaseTtlMs: number;
  /** This instance's name in the lease table. */
  readonly instanceId: string;
  /** The pause between scheduled runs. */
  readonly intervalMs: number;
}

/**
 * How long the collector lease lasts unrenewed: an instance that hangs or dies holding it delays
 * collecting by at most this long, and a holder renews it once a quarter of it has passed.
 */
export const COLLECTOR_LEASE_TTL_MS = 120_000;
