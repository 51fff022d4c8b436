import { Decimal } from '../money/decimal';
import { Aggregation } from '../plugin-api/meter-plugin';

/**
 * Sums and time-weighted quantities add up across subscriptions (and across the times one
 * subscription held a plan); a sum of peaks, averages, latest readings or counts of distinct
 * resources is none of the whole's.
 */
const ADDS_UP: ReadonlySet<string> = new Set([Aggregation.Sum, Aggregation.TimeWeighted]);

/** One meter's totals of several subscriptions combined, for admins' views across subscriptions. */
export class TotalAcrossSubscriptions {
  private readonly subscriptionIds = new Set<string>();
  private sum: Decimal | undefined;

  /** @param aggregation the meter's; undefined for a meter no active plugin declares (no sum then). */
  constructor(aggregation: string | undefined) {
    if (aggregation !== undefined && ADDS_UP.has(aggregation)) this.sum = new Decimal(0);
  }

  add(subscriptionId: string, quantity: string): void {
    this.subscriptionIds.add(subscriptionId);
    this.sum = this.sum?.plus(quantity);
  }

  /** How many subscriptions had usage of the meter. */
  get subscriptions(): number {
    return this.subscriptionIds.size;
  }

  /** Their quantities added up, exact; null where they do not add up. */
  get quantity(): string | null {
    return this.sum?.toString() ?? null;
  }
}
