import type { GeneratorOptions } from './generator/generator-options';

export interface WapEmulatorOptions {
  /** Admin API port; WAP's default is 30004. 0 picks a free port (what tests use). */
  adminPort?: number;
  /** Usage Service port; WAP's default is 30022. */
  usagePort?: number;
  /** Interface to listen on; 127.0.0.1 unless the emulator must be reached from elsewhere. */
  host?: string;
  /** The Bearer token the Admin API accepts. */
  adminToken?: string;
  /** The Usage Service's Basic credentials. */
  usageUsername?: string;
  usagePassword?: string;
  /** A seeded world built at start; without it the emulator starts empty. */
  generator?: GeneratorOptions;
  /** Each feed page also repeats up to this many records before `startId` (see feeds/feed-query.ts). */
  overlapPages?: number;
  /** How long WAP waits for an RP or a billing subscriber before it counts the call as failed. */
  outboundTimeoutMs?: number;
  /** The clock for timestamps of committed changes and appended usage. */
  now?: () => Date;
}

export const emulatorDefaults = {
  adminPort: 30004,
  usagePort: 30022,
  host: '127.0.0.1',
  adminToken: 'wap-emulator-admin-token',
  usageUsername: 'UsageClient',
  usagePassword: 'wap-emulator-usage-password',
  outboundTimeoutMs: 10_000,
} as const;
