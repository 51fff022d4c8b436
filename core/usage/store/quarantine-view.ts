import type { QuarantineReason } from '../metering/meter-usage-record';

/**
 * The kinds of reason a record is quarantined for: the word its stored reason begins with
 * (`<kind>: <message>`). The meters' (`QuarantineReason`) and the store's own: a record naming no
 * subscription, or ids longer than the store keeps.
 */
export const QUARANTINE_KINDS = [
  'unclaimed', 'invalid', 'bad_interval', 'plugin_failed', 'undeclared_meter', 'not_a_decimal', 'negative_quantity', 'no_subscription', 'too_long',
] as const satisfies readonly (QuarantineReason | 'no_subscription' | 'too_long')[];
export type QuarantineKind = (typeof QUARANTINE_KINDS)[number];

// Fails to compile when a meter's reason is added to `QuarantineReason` and not here: the view would count it as `other`.
const everyReasonListed: [Exclude<QuarantineReason, QuarantineKind>] extends [never] ? true : never = true;
void everyReasonListed;

/** Quarantined records, not yet released, of one kind of reason and one WAP provider. */
export interface QuarantineGroup {
  /** `other` for a reason that begins with none of the kinds (none is written so today). */
  readonly kind: QuarantineKind | 'other';
  readonly providerName: string | null;
  readonly records: number;
  readonly firstEventId: string;
  readonly lastEventId: string;
  /** The reason of one of them, in full: what an admin reads to know which meter is missing or wrong. */
  readonly example: string;
}

/** One quarantined record, not yet released: what WAP sent, and why no meter took it. */
export interface QuarantinedRecord {
  readonly feed: string;
  readonly eventId: string;
  readonly subscriptionId: string | null;
  readonly providerName: string | null;
  readonly resourceId: string | null;
  readonly startTime: Date | null;
  readonly endTime: Date | null;
  readonly reason: string;
  readonly quarantinedAt: Date;
}

export interface QuarantinedRecordsFilter {
  readonly feed: string;
  readonly kind?: QuarantineKind;
  readonly providerName?: string;
  /** The records after this EventId: the last of the page before. */
  readonly afterEventId?: string;
  readonly limit: number;
}

/**
 * The admin's view of the quarantine: what waits for a meter, grouped by the kind of reason and
 * the provider, and the records themselves, a page at a time in EventId order.
 */
export const QuarantineView = Symbol('QuarantineView');
export interface QuarantineView {
  groups(): Promise<QuarantineGroup[]>;
  records(filter: QuarantinedRecordsFilter): Promise<QuarantinedRecord[]>;
}
