import { HttpError } from './wap-error';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A WAP GUID from the path, lower-cased as every id is kept; anything else is a 400 naming the parameter. */
export function requireGuid(id: string, field = 'subscriptionId'): string {
  if (!GUID.test(id)) throw new HttpError(400, 'BadRequest', `${field} in the path must be a GUID; got '${id}'`);
  return id.toLowerCase();
}
