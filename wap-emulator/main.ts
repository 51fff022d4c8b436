import { emulatorDefaults } from './wap-emulator-options';
import { WapEmulator } from './wap-emulator';

/**
 * Standalone entry: `node dist/wap-emulator/main.js`. Every setting comes from a
 * `WAP_EMULATOR_*` variable (see README.md); unset ones take WAP's defaults.
 */
function env(name: string): string | undefined {
  const value = process.env[`WAP_EMULATOR_${name}`];
  return value === undefined || value === '' ? undefined : value;
}

function envNumber(name: string, fallback: number): number {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`WAP_EMULATOR_${name} must be a whole number, not '${raw}'`);
  return value;
}

async function main(): Promise<void> {
  const options = {
    adminPort: envNumber('ADMIN_PORT', emulatorDefaults.adminPort),
    usagePort: envNumber('USAGE_PORT', emulatorDefaults.usagePort),
    host: env('HOST') ?? emulatorDefaults.host,
    adminToken: env('TOKEN') ?? emulatorDefaults.adminToken,
    usageUsername: env('USAGE_USERNAME') ?? emulatorDefaults.usageUsername,
    usagePassword: env('USAGE_PASSWORD') ?? emulatorDefaults.usagePassword,
    overlapPages: envNumber('OVERLAP_PAGES', 0),
    generator: {
      seed: env('SEED') ?? 1,
      tenants: envNumber('TENANTS', 10),
      resourcesPerTenant: envNumber('RESOURCES_PER_TENANT', 4),
      days: envNumber('DAYS', 30),
      start: env('START') ?? '2024-01-01',
    },
  };
  const emulator = new WapEmulator(options);
  const urls = await emulator.start();
  const out = [
    'WAP emulator running',
    `  Admin API      ${urls.adminApiUrl}   Authorization: Bearer ${options.adminToken}  (and x-ms-principal-id)`,
    `  Usage Service  ${urls.usageServiceUrl}   Basic ${options.usageUsername} / ${options.usagePassword}`,
    `  generated      ${emulator.generatedSubscriptionIds.length} subscriptions, ${emulator.usage.lastEventId} usage records`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  const shutdown = () => { void emulator.stop().then(() => process.exit(0)); };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch(err => {
  process.stderr.write(`wap-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
