import { MeteringStatus, type MeterDefinition, type MeterPlugin, type MeteringResult, type WapUsageRecord } from '../../plugin-api/meter-plugin';
import { roundDecimalText, signOfDecimalText } from '../../plugin-api/decimal-text';
import { Decimal } from '../../money/decimal';
import { DECIMAL_SCALE } from '../../persistence/exact-decimal';
import type { MeteredUsage } from './metered-usage';

/** Why a record went to quarantine instead of the usage store. */
export type QuarantineReason =
  /** `endTime` is before `startTime`, or either is not a valid date. */
  | 'bad_interval'
  /** Every enabled plugin answered `NotApplicable`: nobody meters this provider (or service type). */
  | 'unclaimed'
  /** The claiming plugin answered `Invalid`. */
  | 'invalid'
  /** The plugin threw, or answered something outside `MeteringResult`. */
  | 'plugin_failed'
  /** The plugin returned a meter id that its `meters()` did not declare. */
  | 'undeclared_meter'
  /** The plugin returned a quantity that is not an exact decimal string. */
  | 'not_a_decimal'
  /** The plugin returned a quantity below zero: no meter of WAP usage bills negative amounts. */
  | 'negative_quantity';

export type MeterRecordOutcome =
  | { readonly ok: true; readonly pluginId: string; readonly usage: readonly MeteredUsage[] }
  | {
      readonly ok: false;
      readonly reason: QuarantineReason;
      /** Plain words for the admin's quarantine view. */
      readonly message: string;
      /** The plugin that claimed the record, when one did. */
      readonly pluginId?: string;
    };

/**
 * A quantity a plugin wrote, read: as the store keeps it (to 12 places), as text. Its `Decimal`
 * is made when first asked for: the store writes and rolls up sum, time-weighted and max usage
 * from the text, and making a decimal of every quantity that does not repeat (bytes sent,
 * requests) was a tenth of metering a page (`npm run bench`).
 */
class ReadQuantity {
  private decimal: Decimal | undefined;

  /** @param negative below zero before rounding: refused, however close to zero. */
  constructor(readonly text: string, readonly negative: boolean) {}

  get quantity(): Decimal {
    return (this.decimal ??= new Decimal(this.text));
  }
}

/** A plugin's quantity text as a `ReadQuantity`; undefined when it is not decimal text. */
function readQuantity(text: string): ReadQuantity | undefined {
  try {
    const rounded = roundDecimalText(text, DECIMAL_SCALE);
    // Told by the text before rounding: a quantity just below zero is refused, not read as 0.
    const negative = rounded.startsWith('-') || (rounded === '0' && text.trim().startsWith('-') && signOfDecimalText(text) < 0);
    return new ReadQuantity(rounded, negative);
  } catch {
    return undefined;
  }
}

/** `MeteredUsage` whose quantity is the read text's, made a `Decimal` only when read. */
class MeteredQuantity implements MeteredUsage {
  readonly quantityText: string;
  // Private to the language, so that no copy or comparison of the usage meets it.
  readonly #read: ReadQuantity;

  constructor(
    readonly subscriptionId: string,
    readonly meterId: string,
    readonly resourceId: string | null,
    readonly start: Date,
    readonly end: Date,
    read: ReadQuantity,
    readonly eventId: string,
    readonly aggregation: MeteredUsage['aggregation'],
  ) {
    this.#read = read;
    this.quantityText = read.text;
  }

  get quantity(): Decimal {
    return this.#read.quantity;
  }
}

/** The longest quantity text kept for the records after (`MeterUsageRecord.quantities`). */
const REPEATING_TEXT = 12;

/** A plugin's answer, or the fault the core saw when asking it. */
type Answer = MeteringResult | { readonly status: 'failed'; readonly message: string };

interface EnabledPlugin {
  readonly plugin: MeterPlugin;
  /** Aggregation by meter id, of every meter the plugin declares. */
  readonly declared: ReadonlyMap<string, MeterDefinition['aggregation']>;
}

/**
 * Turns one WAP usage record into metered usage with the enabled meter plugins, or says why it
 * must be quarantined. Quantities are rounded half-up to the 12 places the usage store keeps.
 * Pure: no I/O and no clock, so reprocessing quarantine gives the same answer.
 */
export class MeterUsageRecord {
  private readonly enabled: readonly EnabledPlugin[];
  /**
   * Quantities read so far, by the plugin's text: a page's VMs report the same cores, memory and
   * disk hour after hour, and decimals never change, so each text is read once while it keeps coming.
   */
  private readonly quantities = new Map<string, ReadQuantity | undefined>();

  /**
   * @param plugins in the order they are offered a record; the first one that does not answer
   *   `NotApplicable` owns it. Their `meters()` are read here, once, as the plugin API promises.
   */
  constructor(plugins: readonly MeterPlugin[]) {
    this.enabled = plugins.map(plugin => ({ plugin, declared: new Map(plugin.meters().map(m => [m.id, m.aggregation])) }));
  }

  /** Meters one record; never throws for anything a plugin or WAP does. */
  meter(record: WapUsageRecord): MeterRecordOutcome {
    const start = record.startTime.getTime();
    const end = record.endTime.getTime();
    if (Number.isNaN(start) || Number.isNaN(end)) {
      return { ok: false, reason: 'bad_interval', message: `record ${record.eventId} has no valid start or end time` };
    }
    if (end < start) {
      return {
        ok: false,
        reason: 'bad_interval',
        message: `record ${record.eventId} ends (${record.endTime.toISOString()}) before it starts (${record.startTime.toISOString()})`,
      };
    }
    for (const enabled of this.enabled) {
      const result = this.ask(enabled.plugin, record);
      if (result.status === MeteringStatus.NotApplicable) continue;
      return this.accept(enabled, record, result);
    }
    return {
      ok: false,
      reason: 'unclaimed',
      message: `no enabled meter plugin meters provider "${record.providerName}"` +
        (record.serviceType ? ` (service type "${record.serviceType}")` : ''),
    };
  }

  /**
   * The plugin's quantity text as a decimal rounded half-up to the 12 places the usage store
   * keeps, here, before rollups see it, so that rollups and the stored rows agree.
   */
  private quantityOf(text: string): ReadQuantity | undefined {
    // A long text is a byte count made gigabytes or the like, which hardly repeats: looking it up
    // and keeping it cost more than reading it.
    if (text.length > REPEATING_TEXT) return readQuantity(text);
    let read = this.quantities.get(text);
    if (read === undefined && !this.quantities.has(text)) {
      read = readQuantity(text);
      // Bytes sent and received hardly repeat: a long reprocessing run keeps only recent texts.
      if (this.quantities.size >= 4096) this.quantities.clear();
      this.quantities.set(text, read);
    }
    return read;
  }

  private ask(plugin: MeterPlugin, record: WapUsageRecord): Answer {
    try {
      const result = plugin.meter(record);
      const known = result && (result.status === MeteringStatus.NotApplicable ||
        result.status === MeteringStatus.Invalid ||
        (result.status === MeteringStatus.Metered && Array.isArray(result.quantities)));
      return known ? result : { status: 'failed', message: 'answered something that is not a MeteringResult' };
    } catch (error) {
      return { status: 'failed', message: `threw: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private accept(
    { plugin, declared }: EnabledPlugin,
    record: WapUsageRecord,
    result: Exclude<Answer, { status: MeteringStatus.NotApplicable }>,
  ): MeterRecordOutcome {
    const pluginId = plugin.id;
    if (result.status === 'failed') {
      return { ok: false, reason: 'plugin_failed', pluginId, message: `meter plugin ${pluginId} ${result.message}` };
    }
    if (result.status === MeteringStatus.Invalid) {
      return { ok: false, reason: 'invalid', pluginId, message: result.reason };
    }
    const usage: MeteredUsage[] = [];
    for (const q of result.quantities) {
      if (!declared.has(q.meterId)) {
        return { ok: false, reason: 'undeclared_meter', pluginId, message: `meter plugin ${pluginId} returned undeclared meter "${q.meterId}"` };
      }
      const read = typeof q.quantity === 'string' ? this.quantityOf(q.quantity) : undefined;
      if (!read) {
        return { ok: false, reason: 'not_a_decimal', pluginId, message: `meter ${q.meterId}: quantity ${JSON.stringify(q.quantity)} is not a decimal number` };
      }
      if (read.negative) {
        return { ok: false, reason: 'negative_quantity', pluginId, message: `meter ${q.meterId}: quantity ${q.quantity} is below zero` };
      }
      usage.push(new MeteredQuantity(
        record.subscriptionId, q.meterId, q.resourceId ?? record.resourceId, record.startTime, record.endTime, read, record.eventId, declared.get(q.meterId),
      ));
    }
    return { ok: true, pluginId, usage };
  }
}
