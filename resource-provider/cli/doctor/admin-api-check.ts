import { AdminApiClient, AdminApiContractError, AdminApiError } from '../../wap/admin-api-client';
import { RP_PRINCIPAL_ID } from '../../wap/bind-admin-api-client';
import { RP_NAME } from '../../wap/rp-identity';
import { WapNetworkError } from '../../wap/wap-http';
import { fail, messageOf, ok, type DoctorCheck } from './doctor-check';

const SUBJECT = 'WAP Admin API';

/** Reachable and the token accepted, by listing the resource providers; says whether this one is registered. */
export const adminApiCheck: DoctorCheck = {
  async run({ settings }) {
    if (!settings.wapAdmin) return [fail(SUBJECT, 'not configured: set WAP_ADMIN_URL and WAP_ADMIN_TOKEN (needed to register and to suspend subscriptions)')];
    const { url, token } = settings.wapAdmin;
    // No retries: the doctor reports what it finds now, quickly.
    const client = new AdminApiClient({ ...settings.wapTls, url, token, principalId: RP_PRINCIPAL_ID, timeoutMs: 5_000, retry: { retries: 0, initialDelayMs: 0 } });
    try {
      const providers = await client.listResourceProviders();
      const ours = providers.find((p) => p.Name.toLowerCase() === RP_NAME);
      const registration = ours ? `resource provider '${ours.Name}' is registered` : `no resource provider '${RP_NAME}' is registered yet (wap-billing register)`;
      return [ok(SUBJECT, `reachable at ${url}, token accepted; ${registration}`)];
    } catch (error) {
      if (error instanceof WapNetworkError) return [fail(SUBJECT, `not reachable at ${url}: ${error.message}`)];
      if (error instanceof AdminApiError && (error.status === 401 || error.status === 403)) {
        return [fail(SUBJECT, `reachable at ${url}, but the token was refused (${error.status}); check WAP_ADMIN_TOKEN`)];
      }
      if (error instanceof AdminApiContractError) return [fail(SUBJECT, `something answers at ${url}, but not like a WAP Admin API: ${error.message}`)];
      return [fail(SUBJECT, `reachable at ${url}, but it failed: ${messageOf(error)}`)];
    }
  },
};
