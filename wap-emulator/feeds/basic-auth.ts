import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { sendError } from '../contract/wap-error';

/** Section 5: the Usage Service takes Basic credentials (`Set-MgmtSvcSetting -Namespace UsageService`). */
export function usageBasicAuth(username: string, password: string): RequestHandler {
  const expected = Buffer.from(`${username}:${password}`);
  return (req, res, next) => {
    const match = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const given = match ? Buffer.from(match[1].trim(), 'base64') : Buffer.alloc(0);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="UsageService"');
    sendError(res, 401, 'AuthenticationFailed', match ? 'The user name or password is not valid.'
      : 'The request has no Basic credentials in its Authorization header.');
  };
}
