import {
  Aggregation, MeteringStatus, meterResources, multiplyDecimalText, type ResourceMapping,
  type MeterDefinition, type MeterPlugin, type MeteringResult, type PluginContext, type WapUsageRecord,
} from '@wap-billing/plugin-api';

const PROVIDER = 'webspaces';
/**
 * Bandwidth is billed in binary gigabytes (2^30 bytes), as Azure bills data transfer. 1/2^30 is
 * an exact decimal (30 places), so multiplying by it gives exactly the quotient.
 */
const GB_PER_BYTE = '0.000000000931322574615478515625';

export const WEB_SITE_METERS = {
  cpuTime: { id: 'websites.cpu-time', displayName: 'Web site CPU time', unit: 'CPU-second', aggregation: Aggregation.Sum },
  dataOut: { id: 'websites.data-out', displayName: 'Web site data sent', unit: 'GB', aggregation: Aggregation.Sum },
  dataIn: { id: 'websites.data-in', displayName: 'Web site data received', unit: 'GB', aggregation: Aggregation.Sum },
  requests: { id: 'websites.requests', displayName: 'Web site requests', unit: 'request', aggregation: Aggregation.Sum },
} as const satisfies Record<string, MeterDefinition>;

class WebSitesMeterPlugin implements MeterPlugin {
  private readonly table: readonly ResourceMapping[];

  /** @param secondsPerCpuTime what turns WAP's CpuTime into seconds (0.001 when it reports milliseconds; exact, as 1/1000 is). */
  constructor(readonly id: string, secondsPerCpuTime: string) {
    const toGb = (bytes: string) => multiplyDecimalText(bytes, GB_PER_BYTE);
    this.table = [
      { meterId: WEB_SITE_METERS.cpuTime.id, key: 'CpuTime', convert: (time) => multiplyDecimalText(time, secondsPerCpuTime) },
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
  return new WebSitesMeterPlugin(context.manifest.id, seconds ? '1' : '0.001');
}
