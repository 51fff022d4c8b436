import { QUARANTINE_KINDS, type QuarantinedRecordsFilter } from '../../core/usage/store/quarantine-view';
import { HttpError } from './wap-error';

export const DEFAULT_QUARANTINE_PAGE = 100;
export const MAX_QUARANTINE_PAGE = 1000;

/** The filter of `GET /admin/quarantine/records`, from its query; a 400 for a value it cannot take. */
export function quarantineFilter(query: Record<string, unknown>): QuarantinedRecordsFilter {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') throw new HttpError(400, 'BadRequest', `'${name}' must be given once, not empty`);
    return value;
  };
  const kindText = text('kind');
  const kind = QUARANTINE_KINDS.find((k) => k === kindText);
  if (kindText !== undefined && !kind) throw new HttpError(400, 'BadRequest', `'kind' must be one of ${QUARANTINE_KINDS.join(', ')}`);
  const after = text('after');
  if (after !== undefined && !/^\d{1,19}$/.test(after)) throw new HttpError(400, 'BadRequest', "'after' must be an EventId (a whole number)");
  const limitText = text('limit');
  const limit = limitText === undefined ? DEFAULT_QUARANTINE_PAGE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUARANTINE_PAGE) {
    throw new HttpError(400, 'BadRequest', `'limit' must be a whole number from 1 to ${MAX_QUARANTINE_PAGE}`);
  }
  return { feed: text('feed') ?? 'usage', kind, providerName: text('providerName'), afterEventId: after, limit };
}
