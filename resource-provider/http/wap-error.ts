import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../../core/logging/logger';

/** WAP's error body for resource providers (CONTRACT §3): `Code` and `Message` at least. */
export interface WapErrorBody {
  readonly Code: string;
  readonly Message: string;
  readonly ExtendedCode?: string;
  readonly MessageTemplate?: string;
  readonly Parameters?: readonly string[];
  readonly InnerErrors?: readonly WapErrorBody[];
}

/** A failure to report to the caller as WAP's error body with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerErrors: readonly WapErrorBody[] = [],
  ) {
    super(message);
  }
}

export function sendWapError(res: Response, status: number, code: string, message: string, innerErrors: readonly WapErrorBody[] = []): void {
  const body: WapErrorBody = innerErrors.length > 0 ? { Code: code, Message: message, InnerErrors: innerErrors } : { Code: code, Message: message };
  res.status(status).json(body);
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendWapError(res, 404, 'NotFound', `No route for ${req.method} ${req.path}`);
};

/** The last handler: body-parser failures, HttpErrors, and anything else as a 500 without a stack. */
export function wapErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof HttpError) return sendWapError(res, error.status, error.code, error.message, error.innerErrors);
    const parserError = error as { type?: string; status?: number };
    if (parserError.type === 'entity.parse.failed') return sendWapError(res, 400, 'BadRequest', 'The request body is not valid JSON');
    if (parserError.type === 'entity.too.large') return sendWapError(res, 413, 'RequestEntityTooLarge', 'The request body is too large');
    if (parserError.status && parserError.status >= 400 && parserError.status < 500) {
      return sendWapError(res, parserError.status, 'BadRequest', String((error as Error).message));
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    sendWapError(res, 500, 'InternalServerError', 'The resource provider failed to process the request; see its log');
  };
}
