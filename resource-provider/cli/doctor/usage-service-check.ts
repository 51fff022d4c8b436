import { UsageServiceClient, UsageServiceError } from '../../wap/usage-service-client';
import { WapNetworkError } from '../../wap/wap-http';
import { fail, messageOf, ok, type DoctorCheck } from './doctor-check';

const SUBJECT = 'WAP Usage Service';

/** Reachable and the credentials accepted, by reading one record of the usage feed (what the collector does). */
export const usageServiceCheck: DoctorCheck = {
  async run({ settings }) {
    if (!settings.wapUsage) return [fail(SUBJECT, 'not configured: set WAP_USAGE_URL, WAP_USAGE_USERNAME and WAP_USAGE_PASSWORD (the collector has nothing to read)')];
    const { url } = settings.wapUsage;
    const client = new UsageServiceClient({ ...settings.wapUsage, ...settings.wapTls, timeoutMs: 5_000, retry: { retries: 0, initialDelayMs: 0 } });
    try {
      await client.page('usage', '1', 1);
      return [ok(SUBJECT, `reachable at ${url}, credentials accepted`)];
    } catch (error) {
      if (error instanceof WapNetworkError) return [fail(SUBJECT, `not reachable at ${url}: ${error.message}`)];
      if (error instanceof UsageServiceError && (error.status === 401 || error.status === 403)) {
        return [fail(SUBJECT, `reachable at ${url}, but the credentials were refused (${error.status}); check WAP_USAGE_USERNAME and WAP_USAGE_PASSWORD`)];
      }
      if (error instanceof SyntaxError) return [fail(SUBJECT, `something answers at ${url}, but not with JSON: is it the Usage Service (port 30022)?`)];
      return [fail(SUBJECT, `reachable at ${url}, but it failed: ${messageOf(error)}`)];
    }
  },
};
