import { allProviders, defaultVmResourceKeys, GeneratorOptions, ResolvedGeneratorOptions } from './generator-options';
import { seedOf } from './seeded-hash';

const hourMs = 3_600_000;

export function resolveGeneratorOptions(options: GeneratorOptions): ResolvedGeneratorOptions {
  const startMs = Date.parse(options.start.length === 10 ? `${options.start}T00:00:00Z` : options.start);
  if (Number.isNaN(startMs)) throw new Error(`generator.start is not an ISO date: ${options.start}`);
  for (const [name, value] of [['tenants', options.tenants], ['resourcesPerTenant', options.resourcesPerTenant],
    ['days', options.days]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`generator.${name} must be a whole number >= 0`);
  }
  const providers = options.providers?.length ? [...new Set(options.providers)] : allProviders;
  return {
    seed: seedOf(options.seed),
    tenants: options.tenants,
    resourcesPerTenant: options.resourcesPerTenant,
    days: options.days,
    startMs: Math.floor(startMs / hourMs) * hourMs,
    providers,
    vmResourceKeys: { ...defaultVmResourceKeys, ...options.vmResourceKeys },
  };
}
