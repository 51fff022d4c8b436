import { WapHttpError } from '../contract/wap-error';

/** The JSON body as an object, or a 400 that says what was expected. */
export function bodyObject(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new WapHttpError(400, 'BadRequest', `The request body must be a JSON ${what} object.`);
  }
  return body as Record<string, unknown>;
}

export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new WapHttpError(400, 'BadRequest', `The field '${name}' is required.`);
  }
  return value;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new WapHttpError(400, 'BadRequest', `The field '${name}' must be a string.`);
  return value;
}

/** `{items, filteredTotalCount, totalCount}`, the Admin API's list shape (section 7). */
export function queryResult<T>(items: T[]) {
  return { items, filteredTotalCount: items.length, totalCount: items.length };
}
