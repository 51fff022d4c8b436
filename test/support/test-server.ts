import type { ResourceProviderSettings } from '../../resource-provider/config/settings';
import { startServer, type RunningServer } from '../../resource-provider/resource-provider-server';
import type { CompositionOverrides } from '../../resource-provider/composition-root';
import { freshDatabaseUrl } from './test-database';
import { silentLogger } from './silent-logger';

export const RP_USERNAME = 'wapcaller';
export const RP_PASSWORD = 'correct horse battery staple';

export function rpSettings(overrides: Partial<ResourceProviderSettings> & { databaseUrl: string }): ResourceProviderSettings {
  return {
    port: 0,
    pluginsDirs: [],
    rpUsername: RP_USERNAME,
    rpPassword: RP_PASSWORD,
    logLevel: 'silent',
    wapTls: { rejectUnauthorized: true },
    collector: { intervalSeconds: 0, batchSize: 100, retryDelayMs: 1 },
    ...overrides,
  };
}

/** A real resource provider on an ephemeral port and a fresh database of the backend under test. */
export async function startTestServer(
  settings: Partial<ResourceProviderSettings> = {},
  overrides: CompositionOverrides = {},
): Promise<RunningServer & { databaseUrl: string }> {
  const databaseUrl = settings.databaseUrl ?? (await freshDatabaseUrl());
  const server = await startServer(rpSettings({ ...settings, databaseUrl }), { logger: silentLogger, ...overrides });
  return Object.assign(server, { databaseUrl });
}

/** Headers of a call WAP makes: its Basic credentials and a principal. */
export function wapHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`${RP_USERNAME}:${RP_PASSWORD}`).toString('base64')}`,
    'x-ms-principal-id': 'admin@provider.example',
    'content-type': 'application/json',
    ...extra,
  };
}
