import type { WapUsageRecord } from '../../plugin-api';

/**
 * One record of WAP's `/usage` feed as it arrives on the wire (CONTRACT §5), before the core reads it.
 * `EventId` is a .NET long: a JSON number while it is small, a string when a client kept it exact.
 */
export interface RawUsageRecord {
  readonly EventId: number | string;
  readonly ExternalRecordId?: string | null;
  readonly ResourceId?: string | null;
  readonly StartTime: string;
  readonly EndTime: string;
  readonly ProviderName: string;
  readonly ServiceType?: string | null;
  readonly SubscriptionId: string;
  readonly Properties?: Readonly<Record<string, string>> | null;
  readonly Resources?: Readonly<Record<string, string>> | null;
}

/**
 * The record's `EventId` as a canonical decimal string (no sign, no leading zeros), or undefined
 * when it is not a whole number: such a record has no idempotency key and cannot be stored.
 */
export function eventIdOf(record: RawUsageRecord): string | undefined {
  const id = record.EventId;
  const text = typeof id === 'number' ? (Number.isSafeInteger(id) && id >= 0 ? String(id) : '') : typeof id === 'string' ? id.trim() : '';
  if (!/^\d{1,19}$/.test(text)) return undefined;
  return text.replace(/^0+(?=\d)/, '');
}

/** Whether EventId `a` comes before `b`; both canonical (as `eventIdOf` makes them), of any length. */
export function eventIdBefore(a: string, b: string): boolean {
  return a.length < b.length || (a.length === b.length && a < b);
}

/**
 * WAP writes times as `2013-07-31T17:15:49`, without a zone, meaning UTC; some builds add `Z`, an
 * offset or fractional seconds. A time without a zone must not go through `new Date()` as it is:
 * JavaScript reads a zone-less date-time as local time. Anything unreadable is an Invalid Date,
 * which metering turns into a `bad_interval` quarantine rather than an error.
 */
export function parseWapTime(text: string | null | undefined): Date {
  if (typeof text !== 'string') return new Date(NaN);
  let time = parsedTimes.get(text);
  if (time === undefined) {
    if (parsedTimes.size >= 1024) parsedTimes.clear();
    parsedTimes.set(text, (time = parseWapTimeText(text)));
  }
  return new Date(time);
}

// The records of a page share a few start and end times: each text is parsed once.
const parsedTimes = new Map<string, number>();

function parseWapTimeText(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!match) return NaN;
  const [, date, time, zone] = match;
  // .NET sends up to 7 fractional digits; a Date keeps milliseconds.
  const clock = time.replace(/(\.\d{3})\d+$/, '$1');
  return new Date(`${date}T${clock}${zone ? zone.toUpperCase() : 'Z'}`).getTime();
}

/** The plugin API's view of a wire record (camelCase, UTC Dates, EventId as a string). */
export function toWapUsageRecord(record: RawUsageRecord, eventId: string): WapUsageRecord {
  return {
    eventId,
    externalRecordId: record.ExternalRecordId ?? null,
    resourceId: record.ResourceId ?? null,
    startTime: parseWapTime(record.StartTime),
    endTime: parseWapTime(record.EndTime),
    providerName: record.ProviderName ?? '',
    serviceType: record.ServiceType ?? null,
    // WAP compares subscription GUIDs without case; we keep them lower-case everywhere.
    subscriptionId: (record.SubscriptionId ?? '').toLowerCase(),
    properties: record.Properties ?? null,
    resources: record.Resources ?? {},
  };
}
