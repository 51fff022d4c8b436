import type { LastEvent } from './catalogue';

/** Section 6's event states. */
export enum EventState { Acknowledged = 0, Rejected = 1, PendingApproval = 2, Approved = 3 }
export type EventMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One billing-feed `UsageEvent`, checked and with its time parsed. */
export interface CatalogueEvent {
  readonly eventId: string;
  readonly state: number;
  readonly method: EventMethod;
  /** A PATCH carries only the changed properties, so every field may be missing. */
  readonly entity: Readonly<Record<string, unknown>>;
  readonly parentId: string | null;
  readonly at: Date;
}

const METHODS: readonly EventMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The event, or a reason it cannot be read; an unreadable event is still kept raw. */
export function readCatalogueEvent(raw: unknown, eventId: string): CatalogueEvent | string {
  const r = raw as Record<string, unknown>;
  const method = typeof r.Method === 'string' ? r.Method.toUpperCase() : undefined;
  if (!METHODS.includes(method as EventMethod)) return `Method ${JSON.stringify(r.Method)} is not POST, PUT, PATCH or DELETE`;
  if (typeof r.State !== 'number') return `State ${JSON.stringify(r.State)} is not a number`;
  if (typeof r.Entity !== 'object' || r.Entity === null) return 'Entity is missing';
  const at = typeof r.NotificationEventTimeCreated === 'string' ? wapInstant(r.NotificationEventTimeCreated) : undefined;
  if (!at) return `NotificationEventTimeCreated ${JSON.stringify(r.NotificationEventTimeCreated)} is not a time`;
  return {
    eventId,
    state: r.State,
    method: method as EventMethod,
    entity: r.Entity as Record<string, unknown>,
    parentId: typeof r.EntityParentId === 'string' ? r.EntityParentId : null,
    at,
  };
}

/**
 * Only a committed change may touch the mirror. Rejected (1) means a billing subscriber vetoed it,
 * so WAP never made it; PendingApproval (2) is a question still being asked, and its outcome comes
 * later as another event. Applying either would bill for something WAP does not hold. Both are
 * kept raw all the same, so an audit sees what was proposed.
 */
export function isCommitted(event: CatalogueEvent): boolean {
  return event.state === EventState.Approved || event.state === EventState.Acknowledged;
}

export function lastEventOf(event: CatalogueEvent): LastEvent {
  return { eventId: event.eventId, at: event.at };
}

/**
 * Whether `event` is at least as recent as what the mirror already holds. Equal times count as
 * newer: two events of one instant arrive in EventId order, and the later id is the later change.
 */
export function isNewer(event: CatalogueEvent, last: LastEvent | undefined): boolean {
  return !last || event.at.getTime() >= last.at.getTime();
}

/** A string property when present; `undefined` when the event left it out (a PATCH), null when sent as null. */
export function field(entity: Readonly<Record<string, unknown>>, name: string): string | null | undefined {
  if (!(name in entity)) return undefined;
  const value = entity[name];
  return typeof value === 'string' ? value : value === null ? null : String(value);
}

export function numberField(entity: Readonly<Record<string, unknown>>, name: string): number | null | undefined {
  if (!(name in entity)) return undefined;
  const value = entity[name];
  return typeof value === 'number' ? value : null;
}

/** WAP times may come without a zone (`2013-07-31T17:15:49`); they are UTC. */
function wapInstant(text: string): Date | undefined {
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
