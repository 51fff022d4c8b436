import type { RequestHandler } from 'express';
import type { Logger } from '../../core/logging/logger';

/** One line per request, with WAP's correlation headers when present; never the Authorization header. */
export function requestLogging(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
          clientRequestId: req.header('x-ms-client-request-id'),
          principalId: req.header('x-ms-principal-id'),
        },
        'request',
      );
    });
    next();
  };
}
