import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendWapError } from './wap-error';

/**
 * Checks WAP's Basic credentials on every call (CONTRACT §3). Both sides are hashed before the
 * comparison so that it takes the same time whatever the lengths.
 */
export function basicAuth(username: string, password: string): RequestHandler {
  const expected = digest(`${username}:${password}`);
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Basic\s+(.+)$/i.exec(header);
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Basic realm="wap-billing"');
      return sendWapError(res, 401, 'Unauthorized', 'Basic credentials are required');
    }
    const given = digest(Buffer.from(match[1], 'base64').toString('utf8'));
    if (!timingSafeEqual(given, expected)) {
      res.setHeader('WWW-Authenticate', 'Basic realm="wap-billing"');
      return sendWapError(res, 401, 'Unauthorized', 'The credentials are not valid');
    }
    next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
