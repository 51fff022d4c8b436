/** One meter's figure so far in the current period, for the portal's usage summary. */
export interface MeterReading {
  readonly meterId: string;
  readonly displayName: string;
  /** Exact decimal string in `unit`. */
  readonly currentValue: string;
  /** Exact decimal string, or null when the plan sets no limit. */
  readonly limit: string | null;
  readonly unit: string;
  readonly groupId?: string;
  readonly groupDisplayName?: string;
}

/**
 * Answers "how much has this subscription used so far". The usage store implements it; until then
 * `NoUsageSummarySource` is bound, and the store's binding must replace that one, not join it.
 */
export const UsageSummarySource = Symbol('UsageSummarySource');
export interface UsageSummarySource {
  /** The subscription's readings, one per meter with usage; `[]` when it has none. Never throws for an unknown id. */
  readingsFor(subscriptionId: string): Promise<MeterReading[]>;
}
