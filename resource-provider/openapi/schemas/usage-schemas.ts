import { Type } from '@sinclair/typebox';
import { Aggregation } from '../../../core/plugin-api';
import { QUARANTINE_KINDS } from '../../../core/usage/store/quarantine-view';

/*
 * The bodies of the usage routes (`routes/tenant-usage-routes.ts`, `routes/admin-usage-routes.ts`).
 * They are ours, not WAP's, so they live here rather than in `wap/contract/`. Quantities are exact
 * decimal strings: a JSON number would round them.
 */

const Quantity = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'an exact decimal' });
const Instant = Type.String({ format: 'date-time' });
const NullableUnit = Type.Union([Type.String(), Type.Null()]);

export const Meter = Type.Object(
  {
    id: Type.String(),
    displayName: Type.String(),
    unit: Type.String(),
    aggregation: Type.Union(Object.values(Aggregation).map((a) => Type.Literal(a))),
    description: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Meter' },
);

export const SubscriptionMeterUsage = Type.Object(
  { subscriptionId: Type.String(), meterId: Type.String(), unit: NullableUnit, quantity: Quantity },
  { title: 'SubscriptionMeterUsage', description: 'one row per subscription and meter; with `groupBy=meter`, `MeterSubscriptions` rows instead' },
);

export const MeterSubscriptions = Type.Object(
  {
    meterId: Type.String(),
    unit: NullableUnit,
    subscriptions: Type.Integer({ description: 'how many subscriptions used the meter' }),
    quantity: Type.Union([Quantity, Type.Null()], { description: 'their quantities added up, for meters that sum or time-weight; null for the others' }),
  },
  { title: 'MeterSubscriptions' },
);

export const PlanMeterUsage = Type.Object(
  {
    planId: Type.Union([Type.String(), Type.Null()], { description: 'null: usage of no plan (a subscription the catalogue does not know, or outside the time it held a plan)' }),
    planName: Type.Union([Type.String(), Type.Null()]),
    meterId: Type.String(),
    unit: NullableUnit,
    subscriptions: Type.Integer({ description: 'how many subscriptions used the meter while they held the plan' }),
    quantity: Type.Union([Quantity, Type.Null()], { description: 'the subscriptions\' quantities added up, for meters that sum or time-weight; null for the others (max, average, latest, unique-count), whose quantities do not add up across subscriptions' }),
  },
  { title: 'PlanMeterUsage', description: 'with `groupBy=plan`: one row per plan and meter' },
);

export const MeterUsage = Type.Object(
  { meterId: Type.String(), displayName: Type.String(), unit: NullableUnit, quantity: Quantity, from: Instant, to: Instant },
  { title: 'MeterUsage', description: 'a meter\'s total over the period, or over one bucket of a series' },
);

export const ResourceUsage = Type.Object(
  { meterId: Type.String(), displayName: Type.String(), unit: NullableUnit, resourceId: Type.Union([Type.String(), Type.Null()]), quantity: Quantity, from: Instant, to: Instant },
  { title: 'ResourceUsage' },
);

export const UsageRecordEvidence = Type.Object(
  {
    eventId: Type.String({ description: 'WAP\'s EventId' }),
    start: Instant,
    end: Instant,
    quantity: Quantity,
    record: Type.Object({}, { additionalProperties: true, description: 'the UsageRecord exactly as WAP sent it' }),
  },
  { title: 'UsageRecordEvidence' },
);

export const ReprocessOutcome = Type.Object(
  { examined: Type.Integer(), released: Type.Integer(), stillQuarantined: Type.Integer() },
  { title: 'ReprocessOutcome', additionalProperties: true },
);

const QuarantineKind = Type.Union([...QUARANTINE_KINDS, 'other' as const].map((k) => Type.Literal(k)), { description: 'the word the reason begins with' });

export const QuarantineGroup = Type.Object(
  {
    kind: QuarantineKind,
    providerName: Type.Union([Type.String(), Type.Null()]),
    records: Type.Integer({ description: 'quarantined records not yet released' }),
    firstEventId: Type.String(),
    lastEventId: Type.String(),
    example: Type.String({ description: 'the reason of one of them, in full' }),
  },
  { title: 'QuarantineGroup', description: 'the quarantined records of one kind of reason and one WAP provider' },
);

export const QuarantinedRecord = Type.Object(
  {
    feed: Type.String(),
    eventId: Type.String({ description: 'WAP\'s EventId' }),
    subscriptionId: Type.Union([Type.String(), Type.Null()]),
    providerName: Type.Union([Type.String(), Type.Null()]),
    resourceId: Type.Union([Type.String(), Type.Null()]),
    startTime: Type.Union([Instant, Type.Null()]),
    endTime: Type.Union([Instant, Type.Null()]),
    reason: Type.String(),
    quarantinedAt: Instant,
  },
  { title: 'QuarantinedRecord' },
);
