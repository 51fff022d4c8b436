/**
 * Structured logger (pino's calling convention: fields first, then the message). The resource
 * provider binds pino; tests bind a silent one. Never pass secrets in fields.
 */
export const Logger = Symbol('Logger');
export interface Logger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
  child(bindings: object): Logger;
}
