import type { ErrorRequestHandler } from 'express';
import { sendError, WapHttpError } from '../contract/wap-error';

/** Every failure leaves as a WAP management error body, never as Express's HTML page. */
export const wapErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof WapHttpError) return sendError(res, err.status, err.code, err.message, err.details);
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendError(res, status, 'BadRequest', err instanceof Error ? err.message : 'The request is not valid.');
  }
  sendError(res, 500, 'InternalServerError', err instanceof Error ? err.message : String(err));
};
