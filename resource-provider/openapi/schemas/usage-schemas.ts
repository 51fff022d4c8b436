import { Type } from '@sinclair/typebox';

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
    aggregation: Type.Union([Type.Literal('sum'), Type.Literal('max'), Type.Literal('average'), Type.Literal('latest')]),
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
