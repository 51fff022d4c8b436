/** What one pass over the quarantine did. */
export interface ReprocessOutcome {
  /** Quarantined records not yet released that were metered again. */
  readonly examined: number;
  /** Records that metered this time: released, their usage and rollups written. */
  readonly released: number;
  /** Records that still fail; they stay in quarantine with the newest reason. */
  readonly stillQuarantined: number;
}

/**
 * Offers the quarantined records again to the active meters, after an admin enabled or fixed a
 * meter plugin. Each record is released at most once: a second run finds nothing new to release.
 */
export const ReprocessQuarantine = Symbol('ReprocessQuarantine');
export interface ReprocessQuarantine {
  reprocess(): Promise<ReprocessOutcome>;
}
