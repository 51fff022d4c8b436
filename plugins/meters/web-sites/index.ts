import DecimalJs from 'decimal.js';
import {
  Aggregation, MeteringStatus, meterResources, type ResourceMapping,
  type MeterDefinition, type MeterPlugin, type MeteringResult, type PluginContext, type WapUsageRecord,
} from '@wap-billing/plugin-api';

/** Exact decimals whose `toString()` never switches to exponent notation. */
const Exact = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
type Exact = InstanceType<typeof Exact>;

const PROVIDER = 'webspaces';
/**
 * Bandwidth is billed in binary gigabytes (2^30 bytes), as Azure bills data transfer. 1/2^30 is
 * an exact decimal (30 places), so multiplying by it gives exactly the quotient, at a third of
 * the cost of dividing (each record has two such quantities).
 */
const GB_PER_BYTE = new Exact(1).div(new Exact(2).pow(30));

export const WEB_SITE_METERS = {
  cpuTime: { id: 'websites.cpu-time', displayName: 'Web site CPU time', unit: 'CPU-second', aggregation: Aggregation.Sum },
  dataOut: { id: 'websites.data-out', displayName: 'Web site data sent', unit: 'GB', aggregation: Aggregation.Sum },
  dataIn: { id: 'websites.data-in', displayName: 'Web site data received', unit: 'GB', aggregation: Aggregation.Sum },
  requests: { id: 'websites.requests', displayName: 'Web site requests', unit: 'request', aggregation: Aggregation.Sum },
} as const satisfies Record<string, MeterDefinition>;

class WebSitesMeterPlugin implements MeterPlugin {
  private readonly table: readonly ResourceMapping[];

  /** @param secondsPerCpuTime what turns WAP's CpuTime into seconds (0.001 when it reports milliseconds; exact, as 1/1000 is). */
  constructor(readonly id: string, secondsPerCpuTime: Exact) {
    const toGb = (bytes: string) => new Exact(bytes).times(GB_PER_BYTE).toString();
    this.table = [
      { meterId: WEB_SITE_METERS.cpuTime.id, key: 'CpuTime', convert: (time) => new Exact(time).times(secondsPerCpuTime).toString() },
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
  return new WebSitesMeterPlugin(context.manifest.id, new Exact(seconds ? '1' : '0.001'));
}
