import type { RequestHandler } from 'express';
import { sendError } from '../contract/wap-error';

/**
 * Section 2: a Bearer token and `x-ms-principal-id` on every Admin API call. Real WAP validates a
 * signed token; the emulator compares it with the one configured.
 */
export function adminAuth(token: string): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || match[1].trim() !== token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'AuthenticationFailed',
        match ? 'The bearer token is not valid.' : 'The request has no Bearer token in its Authorization header.');
    }
    const principal = req.headers['x-ms-principal-id'];
    if (typeof principal !== 'string' || principal.trim() === '') {
      return sendError(res, 400, 'MissingPrincipalId', "The required header 'x-ms-principal-id' is missing.");
    }
    next();
  };
}

/** The caller's principal, forwarded to the RP on the calls this request causes. */
export function principalOf(headers: Record<string, string | string[] | undefined>): string {
  const value = headers['x-ms-principal-id'];
  return typeof value === 'string' ? value : 'unknown';
}
