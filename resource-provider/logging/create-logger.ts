import pino from 'pino';
import type { Logger } from '../../core/logging/logger';

/** JSON lines on stdout; credentials are redacted wherever they might appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'wap-billing' },
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', 'password', '*.password', 'token', '*.token', 'settings'],
      censor: '[redacted]',
    },
  });
}
