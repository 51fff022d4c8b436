import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { WapHttpError } from '../contract/wap-error';
import type { ResourceProvider, ResourceProviderEndpoint } from '../contract/wap-types';
import type { AdminRouteDeps } from './admin-route-deps';
import { providerKey } from './admin-store';
import { bodyObject, requiredString } from './request-body';

const endpointNames = ['AdminEndpoint', 'TenantEndpoint', 'UsageEndpoint', 'HealthCheckEndpoint', 'NotificationEndpoint'] as const;

/** Section 2: registering, reading, replacing and removing resource providers. */
export function resourceProviderRoutes({ store }: AdminRouteDeps): Router {
  const router = Router();

  router.post('/resourceproviders', (req, res) => {
    const provider = validProvider(req.body);
    const instances = [...store.resourceProviders.values()].filter(p => p.Name.toLowerCase() === provider.Name.toLowerCase());
    if (instances.length > 0 && !(provider.AllowMultipleInstances && instances.every(p => p.AllowMultipleInstances))) {
      throw new WapHttpError(409, 'ResourceProviderAlreadyExists', `A resource provider named '${provider.Name}' exists.`);
    }
    provider.InstanceId ??= randomUUID();
    if (store.resourceProviders.has(providerKey(provider.Name, provider.InstanceId))) {
      throw new WapHttpError(409, 'ResourceProviderAlreadyExists', `Instance '${provider.InstanceId}' exists.`);
    }
    store.resourceProviders.set(providerKey(provider.Name, provider.InstanceId), provider);
    res.status(200).json(provider);
  });

  // The emulator has no system resource providers, so `includeSystemResourceProviders` changes nothing.
  router.get('/resourceproviders', (_req, res) => {
    res.json([...store.resourceProviders.values()]);
  });

  router.get('/resourceproviders/:name/:instanceId', (req, res) => {
    res.json(existing(req.params.name, req.params.instanceId));
  });

  router.put('/resourceproviders/:name/:instanceId', (req, res) => {
    const current = existing(req.params.name, req.params.instanceId);
    const provider = validProvider(req.body);
    provider.Name = current.Name;
    provider.InstanceId = current.InstanceId;
    store.resourceProviders.set(providerKey(current.Name, current.InstanceId!), provider);
    res.json(provider);
  });

  router.delete('/resourceproviders/:name/:instanceId', (req, res) => {
    const current = existing(req.params.name, req.params.instanceId);
    store.resourceProviders.delete(providerKey(current.Name, current.InstanceId!));
    res.status(200).end();
  });

  function existing(name: string, instanceId: string): ResourceProvider {
    const provider = store.resourceProviders.get(providerKey(name, instanceId));
    if (!provider) throw new WapHttpError(404, 'ResourceProviderNotFound', `No resource provider '${name}/${instanceId}'.`);
    return provider;
  }

  return router;
}

function validProvider(raw: unknown): ResourceProvider {
  const body = bodyObject(raw, 'ResourceProvider');
  const name = requiredString(body, 'Name');
  if (!/^[A-Za-z0-9]+$/.test(name)) {
    throw new WapHttpError(400, 'InvalidResourceProviderName', `The name '${name}' may hold letters and digits only.`);
  }
  for (const endpointName of endpointNames) {
    const endpoint = body[endpointName] as ResourceProviderEndpoint | null | undefined;
    if (endpoint === undefined || endpoint === null) continue;
    if (typeof endpoint !== 'object' || !URL.canParse(String(endpoint.ForwardingAddress ?? ''))) {
      throw new WapHttpError(400, 'InvalidEndpoint', `${endpointName}.ForwardingAddress must be an absolute URI.`);
    }
  }
  return structuredClone(body) as unknown as ResourceProvider;
}
