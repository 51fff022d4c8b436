import DecimalJs from 'decimal.js';
import {
  Aggregation, MeteringStatus,
  type MeterDefinition, type MeterPlugin, type MeteredQuantity, type MeteringResult, type PluginContext, type WapUsageRecord,
} from '@wap-billing/plugin-api';

/** Exact decimals whose `toString()` never switches to exponent notation. */
const Exact = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
type Exact = InstanceType<typeof Exact>;

const PROVIDER = 'webspaces';
/** Bandwidth is billed in binary gigabytes (2^30 bytes), as Azure bills data transfer; the division is exact. */
const BYTES_PER_GB = new Exact(2).pow(30);

export const WEB_SITE_METERS = {
  cpuTime: { id: 'websites.cpu-time', displayName: 'Web site CPU time', unit: 'CPU-second', aggregation: Aggregation.Sum },
  dataOut: { id: 'websites.data-out', displayName: 'Web site data sent', unit: 'GB', aggregation: Aggregation.Sum },
  dataIn: { id: 'websites.data-in', displayName: 'Web site data received', unit: 'GB', aggregation: Aggregation.Sum },
  requests: { id: 'websites.requests', displayName: 'Web site requests', unit: 'request', aggregation: Aggregation.Sum },
} as const satisfies Record<string, MeterDefinition>;

interface ResourceMeter {
  readonly meterId: string;
  readonly key: string;
  /** From WAP's unit to the meter's, exactly. */
  readonly convert: (value: Exact) => Exact;
}

class WebSitesMeterPlugin implements MeterPlugin {
  private readonly table: readonly ResourceMeter[];

  /** @param cpuTimeDivisor what turns WAP's CpuTime into seconds (1000 when it reports milliseconds). */
  constructor(readonly id: string, cpuTimeDivisor: Exact) {
    const toGb = (bytes: Exact) => bytes.div(BYTES_PER_GB);
    this.table = [
      { meterId: WEB_SITE_METERS.cpuTime.id, key: 'CpuTime', convert: time => time.div(cpuTimeDivisor) },
      { meterId: WEB_SITE_METERS.dataOut.id, key: 'BytesSent', convert: toGb },
      { meterId: WEB_SITE_METERS.dataIn.id, key: 'BytesReceived', convert: toGb },
      { meterId: WEB_SITE_METERS.requests.id, key: 'Requests', convert: count => count },
    ];
  }

  meters(): readonly MeterDefinition[] {
    return Object.values(WEB_SITE_METERS);
  }

  meter(record: WapUsageRecord): MeteringResult {
    if (record.providerName.toLowerCase() !== PROVIDER) return { status: MeteringStatus.NotApplicable };
    const quantities: MeteredQuantity[] = [];
    for (const m of this.table) {
      const text = record.resources[m.key];
      if (text === undefined) continue;
      const value = parseExact(text);
      if (!value) return { status: MeteringStatus.Invalid, reason: `Resources.${m.key} is not a decimal number: ${JSON.stringify(text)}` };
      quantities.push({ meterId: m.meterId, quantity: m.convert(value).toString() });
    }
    return { status: MeteringStatus.Metered, quantities };
  }
}

/** Plain decimal text as WAP sends it (`"1048576"`); anything else is not a number to bill. */
function parseExact(text: string): Exact | undefined {
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim()) ? new Exact(text.trim()) : undefined;
}

export function activate(context: PluginContext): MeterPlugin {
  // The default of plugin.json, for a registry that does not fill defaults in.
  const seconds = context.settings['cpuTimeReportedIn'] === 'seconds';
  return new WebSitesMeterPlugin(context.manifest.id, new Exact(seconds ? 1 : 1000));
}
