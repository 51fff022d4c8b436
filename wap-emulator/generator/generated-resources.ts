import type { GeneratedProvider, ResolvedGeneratorOptions } from './generator-options';
import { hash32, pick, seededGuid } from './seeded-hash';

/** Hash "topics", so that different uses of one seed never draw the same numbers. */
export const topic = { subscription: 1, vm: 2, provider: 3, size: 4, traffic: 5, runtime: 6, letters: 7, addOn: 8 } as const;

/** One VM, database or web site, with everything about it that stays fixed over its life. */
export interface GeneratedResource {
  tenant: number;
  provider: GeneratedProvider;
  resourceId: string;
  properties: Record<string, string> | null;
  /** Values that do not change hour to hour, already as strings (WAP sends strings). */
  fixed: Record<string, string>;
}

const cpuCounts = [1, 2, 2, 4, 8];
const memoriesMB = [1024, 2048, 4096, 4096, 8192, 16384];
const disksGB = [40, 60, 127, 256];
const databaseSizesMB = [100, 256, 512, 1024, 2048, 5120, 10240];

/** Hourly providers report every hour, daily ones once per day (contract section 5). */
export function isHourly(provider: GeneratedProvider): boolean {
  return provider === 'systemcenter' || provider === 'webspaces';
}

/** Memory is O(tenants × resourcesPerTenant), never O(records). */
export function generateResources(o: ResolvedGeneratorOptions): GeneratedResource[] {
  const resources: GeneratedResource[] = [];
  for (let tenant = 0; tenant < o.tenants; tenant++) {
    // A per-tenant offset spreads each tenant's resources over every provider, in a seeded order.
    const offset = hash32(o.seed, topic.provider, tenant);
    for (let ordinal = 0; ordinal < o.resourcesPerTenant; ordinal++) {
      const provider = o.providers[(offset + ordinal) % o.providers.length];
      resources.push(describe(o, tenant, ordinal, provider));
    }
  }
  return resources;
}

function describe(o: ResolvedGeneratorOptions, tenant: number, ordinal: number, provider: GeneratedProvider): GeneratedResource {
  const h = hash32(o.seed, topic.size, tenant, ordinal);
  const name = `t${tenant}r${ordinal}`;
  switch (provider) {
    case 'systemcenter': {
      const keys = o.vmResourceKeys;
      return {
        tenant, provider, resourceId: seededGuid(o.seed, topic.vm, tenant, ordinal),
        properties: { VmName: `vm-${name}`, CloudName: 'Emulator Cloud' },
        fixed: { [keys.cpuCount]: String(pick(cpuCounts, h)), [keys.memoryMB]: String(pick(memoriesMB, h >>> 3)),
          [keys.diskGB]: String(pick(disksGB, h >>> 6)) },
      };
    }
    case 'sqlservers':
    case 'mysqlservers':
      return {
        tenant, provider, resourceId: `db_${name}`, properties: null,
        fixed: { TotalAllottedSpace: String(pick(databaseSizesMB, h)), DatabaseCount: '1' },
      };
    case 'webspaces':
      return {
        tenant, provider, resourceId: `site-${name}`,
        properties: { SiteName: `site-${name}`, WebSpace: 'emulator-webspace' },
        fixed: {},
      };
  }
}
