import { randomUUID } from 'node:crypto';
import type { CallLog, CallTarget } from '../control/call-log';

export interface BasicCredentials { username: string; password: string }

export interface OutboundRequest {
  target: CallTarget;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  credentials: BasicCredentials | null;
  principalId: string;
  body?: unknown;
}

/** `status` is null when the call got no answer; callers treat that like a failure status. */
export interface OutboundResult { status: number | null; error?: string }

/** Makes the calls WAP makes (to RPs and to billing subscribers) with WAP's headers, and logs them. */
export class OutboundClient {
  constructor(private readonly log: CallLog, private readonly timeoutMs: number) {}

  async send(request: OutboundRequest): Promise<OutboundResult> {
    const headers: Record<string, string> = {
      'x-ms-principal-id': request.principalId,
      'x-ms-client-request-id': randomUUID(),
      accept: 'application/json',
    };
    if (request.credentials) {
      const token = Buffer.from(`${request.credentials.username}:${request.credentials.password}`).toString('base64');
      headers.authorization = `Basic ${token}`;
    }
    if (request.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    let result: OutboundResult;
    try {
      const response = await fetch(request.url, {
        method: request.method, headers, signal: AbortSignal.timeout(this.timeoutMs),
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      // Drain the body so the connection is released; WAP ignores what the RP answers here.
      await response.arrayBuffer();
      result = { status: response.status };
    } catch (err) {
      result = { status: null, error: err instanceof Error ? `${err.message}${causeOf(err)}` : String(err) };
    }
    this.log.add({
      direction: 'out', target: request.target, method: request.method, url: request.url, headers,
      body: request.body === undefined ? null : structuredClone(request.body), status: result.status,
      ...(result.error ? { error: result.error } : {}), at: new Date().toISOString(),
    });
    return result;
  }
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function failed(result: OutboundResult): boolean {
  return result.status === null || result.status >= 400;
}

function causeOf(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : '';
}
