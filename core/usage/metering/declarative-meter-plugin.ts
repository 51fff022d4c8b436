import { MeteringStatus, type MeterDefinition, type MeterPlugin, type MeteredQuantity, type MeteringResult, type WapUsageRecord } from '../../plugin-api/meter-plugin';
import { Decimal, parseDecimal } from '../../money/decimal';
import type { DeclarativeMeter, DeclarativeMeterDocument } from './declarative-meter-schema';
import { validateDeclarativeMeters, type DeclarativeMeterValidation } from './declarative-meter-validation';

interface CompiledMeter {
  readonly source: DeclarativeMeter;
  readonly provider: string;
  readonly serviceType: string | undefined;
  readonly multiplier: Decimal;
  readonly divisor: Decimal;
}

/**
 * A meter plugin made of a validated declarative document: each meter reads one `Resources` key
 * of one provider, times `multiplier`, divided by `divisor`. The product is exact; a division that
 * does not terminate (÷ 3) is rounded half-up at the project decimal's 40 significant digits.
 */
export class DeclarativeMeterPlugin implements MeterPlugin {
  readonly id: string;
  private readonly definitions: readonly MeterDefinition[];
  private readonly compiled: readonly CompiledMeter[];

  /** @param document must have passed `validateDeclarativeMeters`; use `createDeclarativeMeterPlugin` for raw JSON. */
  constructor(document: DeclarativeMeterDocument) {
    this.id = document.id;
    this.definitions = document.meters.map(m => ({
      id: m.id, displayName: m.displayName, unit: m.unit, aggregation: m.aggregation,
      ...(m.description === undefined ? {} : { description: m.description }),
    }));
    this.compiled = document.meters.map(m => ({
      source: m,
      provider: m.provider.toLowerCase(),
      serviceType: m.serviceType?.toLowerCase(),
      multiplier: new Decimal(m.multiplier ?? '1'),
      divisor: new Decimal(m.divisor ?? '1'),
    }));
  }

  meters(): readonly MeterDefinition[] {
    return this.definitions;
  }

  /** Not applicable unless some meter names the record's provider (and service type, when it names one). */
  meter(record: WapUsageRecord): MeteringResult {
    const provider = record.providerName.toLowerCase();
    const serviceType = record.serviceType?.toLowerCase();
    const applicable = this.compiled.filter(m => m.provider === provider && (m.serviceType === undefined || m.serviceType === serviceType));
    if (applicable.length === 0) return { status: MeteringStatus.NotApplicable };
    const quantities: MeteredQuantity[] = [];
    for (const m of applicable) {
      const text = record.resources[m.source.resourceKey];
      if (text === undefined) continue;
      const value = parseDecimal(text);
      if (!value) {
        return { status: MeteringStatus.Invalid, reason: `Resources.${m.source.resourceKey} is not a decimal number: ${JSON.stringify(text)}` };
      }
      quantities.push({ meterId: m.source.id, quantity: value.times(m.multiplier).div(m.divisor).toString() });
    }
    return { status: MeteringStatus.Metered, quantities };
  }
}

export type DeclarativeMeterPluginResult =
  | { readonly ok: true; readonly value: DeclarativeMeterPlugin }
  | Extract<DeclarativeMeterValidation, { ok: false }>;

/**
 * The factory the plugin registry calls for each `*.meter.json` it finds: validates the parsed
 * JSON and, when it is sound, builds the plugin; otherwise returns every error, each naming its field.
 */
export function createDeclarativeMeterPlugin(document: unknown): DeclarativeMeterPluginResult {
  const validation = validateDeclarativeMeters(document);
  return validation.ok ? { ok: true, value: new DeclarativeMeterPlugin(validation.value) } : validation;
}
