import type { ContainerModuleLoadOptions } from 'inversify';
import { ConfigurationError, ResourceProviderSettings } from '../config/settings';
import { AdminApiClient } from './admin-api-client';

/** WAP logs this as the actor of our suspensions and registrations. */
export const RP_PRINCIPAL_ID = 'wap-billing';

/** Resolving the client without `WAP_ADMIN_URL` fails with the setting's name; a server without it still starts. */
export function bindAdminApiClient(bind: ContainerModuleLoadOptions['bind']): void {
  bind(AdminApiClient)
    .toDynamicValue((ctx) => {
      const settings = ctx.get<ResourceProviderSettings>(ResourceProviderSettings);
      const { wapAdmin } = settings;
      if (!wapAdmin) throw new ConfigurationError('WAP_ADMIN_URL and WAP_ADMIN_TOKEN are required to call the WAP Admin API');
      return new AdminApiClient({
        ...settings.wapTls,
        url: wapAdmin.url,
        token: wapAdmin.token,
        principalId: RP_PRINCIPAL_ID,
        timeoutMs: 15_000,
        retry: { retries: 3, initialDelayMs: 500 },
      });
    })
    .inSingletonScope();
}
