import type { Response } from 'express';

/** The management APIs' error body (contract section 3); the RP-side body is a different shape. */
export interface ManagementError {
  Code: string;
  Message: string;
  Details: { Code: string; Source: string; Message: string }[];
}

export function managementError(code: string, message: string, details: ManagementError['Details'] = []): ManagementError {
  return { Code: code, Message: message, Details: details };
}

export function sendError(res: Response, status: number, code: string, message: string,
  details: ManagementError['Details'] = []): void {
  res.status(status).json(managementError(code, message, details));
}

/** Thrown inside a route to answer a management error; the app's error handler turns it into the body. */
export class WapHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string,
    readonly details: ManagementError['Details'] = []) {
    super(message);
  }
}
