import DecimalJs from 'decimal.js';
import {
  Aggregation, MeteringStatus, meterResources, type ResourceMapping,
  type MeterDefinition, type MeterPlugin, type MeteringResult, type PluginContext, type WapUsageRecord,
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

class WebSitesMeterPlugin implements MeterPlugin {
  private readonly table: readonly ResourceMapping[];

  /** @param cpuTimeDivisor what turns WAP's CpuTime into seconds (1000 when it reports milliseconds). */
  constructor(readonly id: string, cpuTimeDivisor: Exact) {
    const toGb = (bytes: string) => new Exact(bytes).div(BYTES_PER_GB).toString();
    this.table = [
      { meterId: WEB_SITE_METERS.cpuTime.id, key: 'CpuTime', convert: (time) => new Exact(time).div(cpuTimeDivisor).toString() },
      { meterId: WEB_SITE_METERS.dataOut.id, key: 'BytesSent', convert: toGb },
      { meterId: WEB_SITE_METERS.dataIn.id, key: 'BytesReceived', convert: toGb },
      { meterId: WEB_SITE_METERS.requests.id, key: 'Requests' },
    ];
  }

  meters(): readonly MeterDefinition[] {
    return Object.values(WEB_SITE_METERS);
  }

  meter(record: WapUsageRecord): MeteringResult {
    if (record.providerName.toLowerCase() !== PROVIDER) return { status: MeteringStatus.NotApplicable };
    return meterResources(record, this.table);
  }
}

export function activate(context: PluginContext): MeterPlugin {
  // The default of plugin.json, for a registry that does not fill defaults in.
  const seconds = context.settings['cpuTimeReportedIn'] === 'seconds';
  return new WebSitesMeterPlugin(context.manifest.id, new Exact(seconds ? 1 : 1000));
}
