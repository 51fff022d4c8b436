/** How a meter's quantities over a billing period fold into the one quantity that is billed. */
export enum Aggregation {
  /** Adds every quantity (VM hours, requests, bytes sent). */
  Sum = 'sum',
  /** The highest quantity seen in the period (peak cores). */
  Max = 'max',
  /** The mean of the reported quantities, each record counting once. */
  Average = 'average',
  /** The quantity of the record that ends last in the period (databases held at period end). */
  Latest = 'latest',
  /**
   * A level held over time, billed per hour held (GB-hours): each quantity is a level, multiplied
   * by the hours of its record's interval that fall inside the period.
   */
  TimeWeighted = 'time-weighted',
  /** The number of distinct resources that reported a quantity in the period (distinct databases). */
  UniqueCount = 'unique-count',
}

/** A billable measure that a meter plugin contributes. */
export interface MeterDefinition {
  /** Unique across all meters: lower-case, dotted by service, e.g. `mysql.allotted-space`. */
  readonly id: string;
  readonly displayName: string;
  /** The unit of the billed quantity as shown on invoices (`hour`, `GB`, `GB-hour`, `request`). */
  readonly unit: string;
  readonly aggregation: Aggregation | `${Aggregation}`;
  readonly description?: string;
}

/**
 * A WAP usage record as the Usage Service sent it, with WAP's PascalCase fields in camelCase.
 * Values of `resources` are strings, exactly as WAP sends them; parse them, never trust them.
 */
export interface WapUsageRecord {
  /** WAP's `EventId` as a decimal string: a .NET long can exceed JavaScript's safe integers. */
  readonly eventId: string;
  readonly externalRecordId: string | null;
  readonly resourceId: string | null;
  /** UTC. */
  readonly startTime: Date;
  /** UTC; not before `startTime` (the core quarantines records that end before they start). */
  readonly endTime: Date;
  /** WAP's provider name: `systemcenter`, `sqlservers`, `mysqlservers`, `webspaces`, … */
  readonly providerName: string;
  readonly serviceType: string | null;
  readonly subscriptionId: string;
  readonly properties: Readonly<Record<string, string>> | null;
  /** Meter name → value as sent by WAP. */
  readonly resources: Readonly<Record<string, string>>;
}

/** One metered quantity that a record yields. */
export interface MeteredQuantity {
  /** One of the ids this plugin declares in `meters()`. */
  readonly meterId: string;
  /**
   * An exact decimal string in the meter's unit (`"1.5"`, never a float's `toString()` of a
   * computed value). For a time-weighted meter, the level held over the record's interval.
   */
  readonly quantity: string;
  /** The resource the quantity belongs to (VM, database, site); defaults to the record's `resourceId`. */
  readonly resourceId?: string;
}

/** The closed set of outcomes of metering one record. */
export enum MeteringStatus {
  /** The record yielded quantities (possibly none, for a record that carries nothing billable). */
  Metered = 'metered',
  /** The record is not for this plugin (another provider); the core asks the next plugin. */
  NotApplicable = 'not-applicable',
  /** The record is for this plugin but cannot be metered (a value is not a number); it is quarantined. */
  Invalid = 'invalid',
}

export type MeteringResult =
  | { readonly status: MeteringStatus.Metered; readonly quantities: readonly MeteredQuantity[] }
  | { readonly status: MeteringStatus.NotApplicable }
  | { readonly status: MeteringStatus.Invalid; readonly reason: string };

/**
 * A meter plugin makes a WAP service billable. The core offers it every usage record no earlier
 * plugin claimed; it must be a pure function of the record and its settings: no I/O, no clock,
 * the same answer every time (records are re-metered when quarantine is reprocessed).
 */
export const MeterPlugin = Symbol('MeterPlugin');
export interface MeterPlugin {
  /** Same as `id` in the plugin's plugin.json. */
  readonly id: string;
  /** The meters this plugin contributes. Called once per activation; the list must not change afterwards. */
  meters(): readonly MeterDefinition[];
  /** Meters one record. Must not throw: a throw is treated as `Invalid` with the error's message. */
  meter(record: WapUsageRecord): MeteringResult;
}
