import { expect } from 'chai';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { wapHeaders } from '../../support/test-server';

/** HTTP calls of the promotions API specs, as WAP makes them (its Basic credentials on every call). */
export function caller(server: RunningServer) {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: wapHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  return {
    get: (path: string) => send('GET', path),
    put: (path: string, body: unknown) => send('PUT', path, body),
    post: (path: string, body: unknown) => send('POST', path, body),
  };
}

/** A subscription as WAP creates it: the account is its AdminId. */
export async function subscribe(server: RunningServer, subscriptionId: string, adminId: string): Promise<void> {
  const body = { SubscriptionId: subscriptionId, SubscriptionName: 'Gold', State: 0, LifecycleState: 0, AdminId: adminId, QuotaSettings: [] };
  const res = await caller(server).post('/admin/subscriptions', body);
  expect(res.status).to.equal(201);
}
