import * as http from 'node:http';
import * as https from 'node:https';

/** How we reach a WAP endpoint: its TLS trust, and how long we wait. */
export interface WapConnection {
  readonly timeoutMs: number;
  /** PEM of a private CA that signed WAP's certificate (WAP installs self-signed ones by default). */
  readonly ca?: string;
  /** false turns certificate checking off; only for a lab, and the caller logs a warning. */
  readonly rejectUnauthorized?: boolean;
}

export interface WapResponse {
  readonly status: number;
  readonly body: string;
}

/** The request never got an HTTP answer: refused, reset, timed out, TLS failure. */
export class WapNetworkError extends Error {}

/** One HTTP exchange with WAP through node's http(s) module, which, unlike fetch, takes a CA per request. */
export function wapRequest(
  url: URL,
  connection: WapConnection,
  request: { method: string; headers: Record<string, string>; body?: string },
): Promise<WapResponse> {
  const transport = url.protocol === 'https:' ? https : http;
  const tls = url.protocol === 'https:' ? { ca: connection.ca, rejectUnauthorized: connection.rejectUnauthorized ?? true } : {};
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: request.method, headers: request.headers, timeout: connection.timeoutMs, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => reject(new WapNetworkError(error.message)));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${connection.timeoutMs} ms`)));
    req.on('error', (error) => reject(new WapNetworkError(`${request.method} ${url.origin}${url.pathname}: ${error.message}`)));
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
