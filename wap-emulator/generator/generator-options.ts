/** The four WAP services the generator produces usage for (contract section 5's provider names). */
export type GeneratedProvider = 'systemcenter' | 'sqlservers' | 'mysqlservers' | 'webspaces';

export const allProviders: readonly GeneratedProvider[] = ['systemcenter', 'sqlservers', 'mysqlservers', 'webspaces'];

/**
 * The VM Clouds meter names are not public (contract section 5), so these keys are the emulator's
 * own, clearly named defaults; a test that mimics a real installation renames them here.
 */
export interface VmResourceKeys { runtimeHours: string; cpuCount: string; memoryMB: string; diskGB: string }

export const defaultVmResourceKeys: VmResourceKeys =
  { runtimeHours: 'VmRuntimeHours', cpuCount: 'CpuCount', memoryMB: 'MemoryMB', diskGB: 'DiskGB' };

export interface GeneratorOptions {
  /** Same seed, same world: ids, records and values repeat exactly. */
  seed: number | string;
  /** Each tenant is one user with one subscription. */
  tenants: number;
  /** VMs, databases and sites per tenant, spread over `providers`. */
  resourcesPerTenant: number;
  /** Days of usage, from `start`. */
  days: number;
  /** ISO date (or date-time, floored to the hour) of the first usage hour, UTC. */
  start: string;
  providers?: GeneratedProvider[];
  vmResourceKeys?: Partial<VmResourceKeys>;
}

export interface ResolvedGeneratorOptions {
  seed: number;
  tenants: number;
  resourcesPerTenant: number;
  days: number;
  startMs: number;
  providers: readonly GeneratedProvider[];
  vmResourceKeys: VmResourceKeys;
}
