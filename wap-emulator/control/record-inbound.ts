import type { RequestHandler } from 'express';
import type { CallLog, CallTarget } from './call-log';

const keptHeaders = ['authorization', 'x-ms-principal-id', 'content-type', 'x-ms-client-request-id'];

/** Logs each request once it is answered, so the entry carries the status the client saw. */
export function recordInbound(log: CallLog, target: CallTarget): RequestHandler {
  return (req, res, next) => {
    const at = new Date().toISOString();
    res.on('finish', () => {
      const headers: Record<string, string> = {};
      for (const name of keptHeaders) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      log.add({
        direction: 'in', target, method: req.method, url: req.originalUrl, headers,
        body: req.body ?? null, status: res.statusCode, at,
      });
    });
    next();
  };
}
