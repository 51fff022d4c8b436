import { createHash } from 'node:crypto';
import type { AdminApiClient } from './admin-api-client';
import type { ResourceProvider } from './contract/admin-api';

export interface RegistrationOutcome {
  readonly action: 'registered' | 'updated';
  readonly provider: ResourceProvider;
}

/**
 * Registers the resource provider, or replaces the registration WAP already holds under its name.
 * The existing one is looked up by name, not by instance id, so that a second run from another
 * machine (or with another public URL) updates the one registration rather than adding a second.
 */
export async function registerOrUpdate(client: AdminApiClient, provider: ResourceProvider): Promise<RegistrationOutcome> {
  const existing = (await client.listResourceProviders()).find((p) => p.Name.toLowerCase() === provider.Name.toLowerCase() && p.InstanceId);
  if (existing?.InstanceId) {
    const replacement = { ...provider, Name: existing.Name, InstanceId: existing.InstanceId };
    return { action: 'updated', provider: await client.updateResourceProvider(existing.Name, existing.InstanceId, replacement) };
  }
  return { action: 'registered', provider: await client.registerResourceProvider(provider) };
}

/**
 * The instance id of a first registration, a GUID derived from the name and the public URL (UUID v5
 * layout over SHA-1): the same inputs give the same body, so a dry run prints what a real run sends.
 */
export function stableInstanceId(name: string, publicUrl: string): string {
  const hash = createHash('sha1').update(`wap-billing:${name.toLowerCase()}:${publicUrl.replace(/\/+$/, '')}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
