import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  AdminSubscription,
  Plan,
  QueryResultOf,
  ResourceProvider,
  VerificationResult,
  type ManagementError,
  type ResourceProviderVerification,
} from './contract/admin-api';
import type { AdminStatus } from './contract/subscription-state';
import { schemaProblem } from './contract/validate';
import { withRetry, type RetryPolicy } from './retry';
import { wapRequest, WapNetworkError, type WapConnection } from './wap-http';

export interface AdminApiSettings extends WapConnection {
  /** e.g. `https://wap:30004`. */
  readonly url: string;
  readonly token: string;
  /** Sent as `x-ms-principal-id`, which WAP requires on every call; WAP logs it as the actor. */
  readonly principalId: string;
  readonly retry: RetryPolicy;
}

/** WAP answered with an error that retrying will not change (bad token, unknown id, invalid body). */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    /** The management error's `Code`, when WAP sent one. */
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** A server-side failure (5xx) that outlasted the retries. */
export class AdminApiUnavailable extends AdminApiError {}

/** WAP answered 2xx with a body that is not the documented shape: our contract or WAP's version is wrong. */
export class AdminApiContractError extends Error {}

/**
 * The calls the resource provider makes to WAP's Admin API (CONTRACT §2 and §7), with the Bearer
 * token, `x-ms-principal-id`, timeouts, and retries with backoff on 5xx and network errors. Every
 * call is safe to retry: reads, PATCHes to a target state, and a registration that falls back to
 * replacing the instance it already created.
 */
export class AdminApiClient {
  constructor(private readonly settings: AdminApiSettings) {}

  /**
   * Registers this RP, or replaces its registration when the instance exists (a repeated start, or
   * a retry whose first answer was lost). `provider.InstanceId` is required for that reason.
   */
  async registerResourceProvider(provider: ResourceProvider): Promise<ResourceProvider> {
    if (!provider.InstanceId) throw new TypeError('registerResourceProvider needs provider.InstanceId so that a retry replaces, not duplicates');
    try {
      return await this.call('POST', '/resourceproviders', ResourceProvider, provider);
    } catch (error) {
      if (!(error instanceof AdminApiError) || error.status !== 409) throw error;
      return this.updateResourceProvider(provider.Name, provider.InstanceId, provider);
    }
  }

  /** The registration, or undefined when WAP has none by that name and instance. */
  async getResourceProvider(name: string, instanceId: string): Promise<ResourceProvider | undefined> {
    try {
      return await this.call('GET', `/resourceproviders/${enc(name)}/${enc(instanceId)}`, ResourceProvider);
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** `GET /resourceproviders?includeSystemResourceProviders=false`: the registered resource providers other than WAP's own. */
  listResourceProviders(): Promise<ResourceProvider[]> {
    return this.call('GET', '/resourceproviders?includeSystemResourceProviders=false', Type.Array(ResourceProvider));
  }

  updateResourceProvider(name: string, instanceId: string, provider: ResourceProvider): Promise<ResourceProvider> {
    return this.call('PUT', `/resourceproviders/${enc(name)}/${enc(instanceId)}`, ResourceProvider, provider);
  }

  /** Asks WAP to call the given test URIs with the endpoints' credentials, as the admin portal's "verify" does. */
  verifyResourceProvider(request: ResourceProviderVerification): Promise<VerificationResult> {
    return this.call('POST', '/resourceproviderverification', VerificationResult, request);
  }

  suspendSubscription(subscriptionId: string): Promise<AdminSubscription> {
    return this.setStatus(subscriptionId, 'Suspended');
  }

  enableSubscription(subscriptionId: string): Promise<AdminSubscription> {
    return this.setStatus(subscriptionId, 'Active');
  }

  async listSubscriptions(): Promise<AdminSubscription[]> {
    return (await this.call('GET', '/subscriptions', QueryResultOf(AdminSubscription))).items;
  }

  async listPlans(): Promise<Plan[]> {
    return (await this.call('GET', '/plans', QueryResultOf(Plan))).items;
  }

  private setStatus(subscriptionId: string, status: AdminStatus): Promise<AdminSubscription> {
    return this.call('PATCH', `/subscriptions/${enc(subscriptionId)}`, AdminSubscription, { SubscriptionId: subscriptionId, Status: status });
  }

  private call<S extends TSchema>(method: string, path: string, schema: S, body?: unknown): Promise<Static<S>> {
    const url = new URL(path.slice(1), this.settings.url.endsWith('/') ? this.settings.url : `${this.settings.url}/`);
    return withRetry(() => this.once(method, url, schema, body), isTransient, this.settings.retry);
  }

  private async once<S extends TSchema>(method: string, url: URL, schema: S, body: unknown): Promise<Static<S>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.settings.token}`,
      'x-ms-principal-id': this.settings.principalId,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await wapRequest(url, this.settings, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status >= 500) throw new AdminApiUnavailable(response.status, errorOf(response.body).Code, describe(method, url, response.status, response.body));
    if (response.status >= 300) throw new AdminApiError(response.status, errorOf(response.body).Code, describe(method, url, response.status, response.body));
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      throw new AdminApiContractError(`${method} ${url.pathname}: the Admin API answered ${response.status} without JSON`);
    }
    const problem = schemaProblem(schema, parsed, 'response');
    if (problem) throw new AdminApiContractError(`${method} ${url.pathname}: ${problem}`);
    return parsed as Static<S>;
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof WapNetworkError || error instanceof AdminApiUnavailable;
}

function errorOf(body: string): ManagementError {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as ManagementError) : {};
  } catch {
    return {};
  }
}

function describe(method: string, url: URL, status: number, body: string): string {
  const error = errorOf(body);
  const detail = error.Message ?? body.slice(0, 200);
  return `Admin API ${method} ${url.pathname} answered ${status}${error.Code ? ` ${error.Code}` : ''}: ${detail}`;
}

const enc = encodeURIComponent;
