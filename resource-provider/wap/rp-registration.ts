import type { ResourceProvider } from './contract/admin-api';
import { AuthenticationMode } from './contract/admin-api';
import { RP_DISPLAY_NAME, RP_NAME } from './rp-identity';

export interface RegistrationInput {
  /** Where WAP reaches this RP, e.g. `http://rp:30030`. */
  readonly publicUrl: string;
  /** The Basic credentials WAP must send (`RP_USERNAME` / `RP_PASSWORD`). */
  readonly username: string;
  readonly password: string;
  /** Fixed per installation, so that registering again replaces rather than adds. */
  readonly instanceId: string;
  /** The name WAP forwards under (`/services/<name>/…`); letters and digits only. Default `billing`. */
  readonly name?: string;
}

/**
 * This RP's `ResourceProvider` (CONTRACT §2's example): admin and notification calls under
 * `/admin`, tenant calls forwarded as `subscriptions/{subid}/…`.
 */
export function resourceProviderRegistration(input: RegistrationInput): ResourceProvider {
  const name = input.name ?? RP_NAME;
  const base = input.publicUrl.replace(/\/+$/, '');
  const endpoint = (path: string) => ({
    ForwardingAddress: `${base}${path}`,
    AuthenticationMode: AuthenticationMode.Basic,
    AuthenticationUsername: input.username,
    AuthenticationPassword: input.password,
  });
  return {
    Name: name,
    DisplayName: RP_DISPLAY_NAME,
    InstanceDisplayName: RP_DISPLAY_NAME,
    InstanceId: input.instanceId,
    Enabled: true,
    PassThroughEnabled: true,
    AllowAnonymousAccess: false,
    AllowMultipleInstances: false,
    MaxQuotaUpdateBatchSize: 3,
    AdminEndpoint: endpoint('/admin'),
    TenantEndpoint: { ...endpoint('/'), SourceUriTemplate: `{subid}/services/${name}/{*path}`, TargetUriTemplate: 'subscriptions/{subid}/{*path}' },
    NotificationEndpoint: endpoint('/admin'),
    UsageEndpoint: endpoint('/'),
  };
}
