import { BILLING_ADAPTER_BASE } from '../billing-adapter/billing-adapter-routes';

export interface SubscriberInput {
  readonly name: string;
  readonly publicUrl: string;
  readonly username: string;
  readonly password: string;
}

/**
 * The PowerShell line that makes this RP WAP's billing adapter (CONTRACT §6). WAP has no REST
 * route for it, so the admin runs it on a WAP server; we print it rather than pretend to do it.
 */
export function notificationSubscriberCommand(input: SubscriberInput): string {
  const endpoint = `${input.publicUrl.replace(/\/+$/, '')}${BILLING_ADAPTER_BASE}`;
  return [
    'Set-MgmtSvcNotificationSubscriber',
    `-Name ${ps(input.name)}`,
    '-Enabled $true',
    '-SubscriberType BillingService',
    `-Endpoint ${ps(endpoint)}`,
    '-AuthenticationMode Basic',
    `-AuthenticationUsername ${ps(input.username)}`,
    `-AuthenticationPassword ${ps(input.password)}`,
    '-Force',
  ].join(' ');
}

/** Bare when PowerShell reads the word as it is; otherwise single-quoted, where only a quote needs doubling. */
function ps(value: string): string {
  return /^[A-Za-z0-9._:/@\-]+$/.test(value) && !value.startsWith('-') ? value : `'${value.replace(/'/g, "''")}'`;
}
