import pino from 'pino';
import type { Logger } from '../../core/logging/logger';

export const silentLogger: Logger = pino({ level: 'silent' });
