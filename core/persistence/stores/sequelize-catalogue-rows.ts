import type { Transaction } from 'sequelize';
import type { LastEvent, Offer, PlanAddOnLink, PlanServiceLink, SubscriptionAddOn } from '../../catalogue/catalogue';
import type { PendingSubscription, SubscriptionMark } from '../../catalogue/catalogue-store';
import type { Database } from '../database';
import type { CatalogueTableShape } from './sequelize-catalogue-page-table';
import { bigintAsText, readBigint, readDate, select } from './sequelize-usage-sql';

/** Raw rows of the catalogue tables (0005) and their mapping to the domain; shared by the unit and the query. */
type Row = Record<string, unknown>;

/** The columns to select from a catalogue table: the BIGINT as text, SQLite would round it. */
export function columnsOf(database: Database, columns: readonly string[]): string {
  return [...columns, bigintAsText(database.dialect, 'last_event_id', 'last_event_id'), 'last_event_at'].join(', ');
}

export const OFFER_COLUMNS = ['id', 'display_name', 'state', 'deleted_at'] as const;
export const PLAN_SERVICE_COLUMNS = ['plan_id', 'service_instance_id', 'service_name', 'service_display_name', 'removed_at'] as const;
export const PLAN_ADD_ON_COLUMNS = ['plan_id', 'add_on_id', 'removed_at'] as const;
export const SUBSCRIPTION_ADD_ON_COLUMNS = ['subscription_id', 'instance_id', 'add_on_id', 'added_at', 'removed_at'] as const;

const date = (value: unknown): Date | null => (value === null || value === undefined ? null : readDate(value as Date | string));
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function lastEventOf(row: Row): LastEvent {
  return { eventId: readBigint(row.last_event_id as string), at: date(row.last_event_at)! };
}

export function toOffer(row: Row): Offer {
  return { id: String(row.id), displayName: text(row.display_name), state: row.state === null ? null : Number(row.state), deletedAt: date(row.deleted_at), lastEvent: lastEventOf(row) };
}

export function toPlanService(row: Row): PlanServiceLink {
  return {
    planId: String(row.plan_id), serviceInstanceId: String(row.service_instance_id), serviceName: text(row.service_name),
    serviceDisplayName: text(row.service_display_name), removedAt: date(row.removed_at), lastEvent: lastEventOf(row),
  };
}

export function toPlanAddOn(row: Row): PlanAddOnLink {
  return { planId: String(row.plan_id), addOnId: String(row.add_on_id), removedAt: date(row.removed_at), lastEvent: lastEventOf(row) };
}

export function toSubscriptionAddOn(row: Row): SubscriptionAddOn {
  return {
    subscriptionId: String(row.subscription_id), instanceId: String(row.instance_id), addOnId: String(row.add_on_id),
    addedAt: date(row.added_at), removedAt: date(row.removed_at), lastEvent: lastEventOf(row),
  };
}

export function lastEventColumns(lastEvent: LastEvent): Row {
  return { last_event_id: lastEvent.eventId, last_event_at: lastEvent.at };
}

/** `plans` or `add_ons`. */
export function offerTable(table: 'plans' | 'add_ons'): CatalogueTableShape<Offer> {
  return {
    table, keys: ['id'], columns: OFFER_COLUMNS, read: toOffer, keyOf: (offer) => [offer.id],
    values: (offer) => ({ display_name: offer.displayName, state: offer.state, deleted_at: offer.deletedAt, ...lastEventColumns(offer.lastEvent) }),
  };
}

export const PLAN_SERVICES_TABLE: CatalogueTableShape<PlanServiceLink> = {
  table: 'plan_services', keys: ['plan_id', 'service_instance_id'], columns: PLAN_SERVICE_COLUMNS, read: toPlanService,
  keyOf: (link) => [link.planId, link.serviceInstanceId],
  values: (link) => ({ service_name: link.serviceName, service_display_name: link.serviceDisplayName, removed_at: link.removedAt, ...lastEventColumns(link.lastEvent) }),
};

export const PLAN_ADD_ONS_TABLE: CatalogueTableShape<PlanAddOnLink> = {
  table: 'plan_add_ons', keys: ['plan_id', 'add_on_id'], columns: PLAN_ADD_ON_COLUMNS, read: toPlanAddOn,
  keyOf: (link) => [link.planId, link.addOnId],
  values: (link) => ({ removed_at: link.removedAt, ...lastEventColumns(link.lastEvent) }),
};

export const SUBSCRIPTION_ADD_ONS_TABLE: CatalogueTableShape<SubscriptionAddOn> = {
  table: 'subscription_add_ons', keys: ['subscription_id', 'instance_id'], columns: SUBSCRIPTION_ADD_ON_COLUMNS, read: toSubscriptionAddOn,
  keyOf: (holding) => [holding.subscriptionId, holding.instanceId],
  values: (holding) => ({ add_on_id: holding.addOnId, added_at: holding.addedAt, removed_at: holding.removedAt, ...lastEventColumns(holding.lastEvent) }),
};

/** A subscription's feed mark, with the subscription it marks. */
export interface HeldMark extends SubscriptionMark {
  readonly subscriptionId: string;
}

export const SUBSCRIPTION_MARKS_TABLE: CatalogueTableShape<HeldMark> = {
  table: 'subscription_feed_marks', keys: ['subscription_id'], columns: ['subscription_id', 'pending'],
  read: (row) => ({
    subscriptionId: String(row.subscription_id), lastEvent: lastEventOf(row),
    pending: row.pending ? (JSON.parse(String(row.pending)) as PendingSubscription) : null,
  }),
  keyOf: (mark) => [mark.subscriptionId],
  values: (mark) => ({ pending: mark.pending ? JSON.stringify(mark.pending) : null, ...lastEventColumns(mark.lastEvent) }),
  keysInOneCase: true,
};

/** The first row of `table` matching `keys`, or undefined. */
export async function findRow(database: Database, table: string, columns: readonly string[], keys: Row, transaction?: Transaction): Promise<Row | undefined> {
  const where = Object.keys(keys).map((k) => `${k} = :${k}`).join(' AND ');
  const [row] = await select<Row>(database.sequelize, `SELECT ${columnsOf(database, columns)} FROM ${table} WHERE ${where}`, transaction, keys);
  return row;
}

/** Sets `values` on the row of `table` matching `keys`. */
export async function updateRow(database: Database, table: string, keys: Row, values: Row, transaction: Transaction): Promise<void> {
  const where = Object.keys(keys).map((k) => `${k} = :${k}`).join(' AND ');
  const set = Object.keys(values).map((k) => `${k} = :v_${k}`).join(', ');
  const replacements = { ...keys, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`v_${k}`, v])) };
  await database.sequelize.query(`UPDATE ${table} SET ${set} WHERE ${where}`, { replacements, transaction });
}
