import {
  Aggregation, MeteringStatus, meterResources, multiplyDecimalText, type ResourceMapping,
  type MeterDefinition, type MeterPlugin, type MeteringResult, type PluginContext, type WapUsageRecord,
} from '@wap-billing/plugin-api';

const PROVIDER = 'systemcenter';
/** 1/1024 is an exact decimal (10 places): multiplying by it gives exactly the quotient. */
const GB_PER_MB = '0.0009765625';

/** The settings of plugin.json, with the same defaults, for a registry that does not fill them in. */
interface VmCloudsSettings {
  readonly runtimeHoursKey: string;
  readonly cpuCountKey: string;
  readonly memoryMbKey: string;
  readonly diskGbKey: string;
}
const DEFAULTS: VmCloudsSettings = { runtimeHoursKey: 'VmRuntimeHours', cpuCountKey: 'CpuCount', memoryMbKey: 'MemoryMB', diskGbKey: 'DiskGB' };

export const VM_METERS = {
  runtimeHours: { id: 'vm.runtime-hours', displayName: 'VM runtime', unit: 'hour', aggregation: Aggregation.Sum },
  // Cores, memory and disk are levels the VM holds, not amounts it uses up: billed per hour held.
  coreHours: { id: 'vm.core-hours', displayName: 'VM cores', unit: 'core-hour', aggregation: Aggregation.TimeWeighted },
  memoryGbHours: { id: 'vm.memory-gb-hours', displayName: 'VM memory', unit: 'GB-hour', aggregation: Aggregation.TimeWeighted },
  diskGbHours: { id: 'vm.disk-gb-hours', displayName: 'VM disk', unit: 'GB-hour', aggregation: Aggregation.TimeWeighted },
  count: { id: 'vm.count', displayName: 'Virtual machines', unit: 'VM', aggregation: Aggregation.UniqueCount },
} as const satisfies Record<string, MeterDefinition>;

class VmCloudsMeterPlugin implements MeterPlugin {
  private readonly table: readonly ResourceMapping[];

  constructor(readonly id: string, settings: VmCloudsSettings) {
    this.table = [
      { meterId: VM_METERS.runtimeHours.id, key: settings.runtimeHoursKey },
      { meterId: VM_METERS.coreHours.id, key: settings.cpuCountKey },
      { meterId: VM_METERS.memoryGbHours.id, key: settings.memoryMbKey, convert: (mb) => multiplyDecimalText(mb, GB_PER_MB) },
      { meterId: VM_METERS.diskGbHours.id, key: settings.diskGbKey },
    ];
  }

  meters(): readonly MeterDefinition[] {
    return Object.values(VM_METERS);
  }

  meter(record: WapUsageRecord): MeteringResult {
    if (record.providerName.toLowerCase() !== PROVIDER) return { status: MeteringStatus.NotApplicable };
    const result = meterResources(record, this.table);
    if (result.status !== MeteringStatus.Metered) return result;
    // Every record naming a VM shows the VM existed in its interval, whatever it reports.
    if (!record.resourceId) return result;
    return { status: MeteringStatus.Metered, quantities: [...result.quantities, { meterId: VM_METERS.count.id, quantity: '1' }] };
  }
}

function readSettings(settings: Readonly<Record<string, unknown>>): VmCloudsSettings {
  const pick = (name: keyof VmCloudsSettings) => {
    const value = settings[name];
    return typeof value === 'string' && value !== '' ? value : DEFAULTS[name];
  };
  return { runtimeHoursKey: pick('runtimeHoursKey'), cpuCountKey: pick('cpuCountKey'), memoryMbKey: pick('memoryMbKey'), diskGbKey: pick('diskGbKey') };
}

export function activate(context: PluginContext): MeterPlugin {
  return new VmCloudsMeterPlugin(context.manifest.id, readSettings(context.settings));
}
