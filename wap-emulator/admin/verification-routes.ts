import { Router } from 'express';
import { principalOf } from './admin-auth';
import { WapHttpError } from '../contract/wap-error';
import type { ResourceProvider, ResourceProviderEndpoint } from '../contract/wap-types';
import { endpointCredentials } from '../notify/endpoint-credentials';
import type { AdminRouteDeps } from './admin-route-deps';
import { bodyObject } from './request-body';

interface VerificationTest { TestUri: string; IsAdmin: boolean }

/**
 * `POST /resourceproviderverification` (section 2): really calls each test URI with the admin or
 * tenant endpoint's credentials. A relative TestUri is taken relative to that endpoint's address.
 * A call that gets no answer reports ResponseStatusCode 0.
 */
export function verificationRoutes({ client }: AdminRouteDeps): Router {
  const router = Router();
  router.post('/resourceproviderverification', async (req, res) => {
    const body = bodyObject(req.body, 'verification');
    const provider = bodyObject(body.ResourceProvider, 'ResourceProvider') as unknown as ResourceProvider;
    if (!Array.isArray(body.Tests)) throw new WapHttpError(400, 'BadRequest', "The field 'Tests' must be an array.");
    const results = [];
    for (const test of body.Tests as VerificationTest[]) {
      const endpoint = test.IsAdmin ? provider.AdminEndpoint : provider.TenantEndpoint;
      const url = resolve(test.TestUri, endpoint);
      const result = url
        ? await client.send({ target: 'verification', method: 'GET', url, principalId: principalOf(req.headers),
          credentials: endpoint ? endpointCredentials(endpoint) : null })
        : { status: null };
      results.push({ TestUri: test.TestUri, ResponseStatusCode: result.status ?? 0 });
    }
    res.json({
      HasFailures: results.some(r => r.ResponseStatusCode === 0 || r.ResponseStatusCode >= 400),
      DetailedResults: results,
    });
  });
  return router;
}

function resolve(testUri: unknown, endpoint: ResourceProviderEndpoint | null | undefined): string | undefined {
  if (typeof testUri !== 'string') return undefined;
  if (URL.canParse(testUri)) return testUri;
  if (!endpoint?.ForwardingAddress) return undefined;
  const base = endpoint.ForwardingAddress.endsWith('/') ? endpoint.ForwardingAddress : `${endpoint.ForwardingAddress}/`;
  return URL.canParse(testUri, base) ? new URL(testUri.replace(/^\/+/, ''), base).toString() : undefined;
}
