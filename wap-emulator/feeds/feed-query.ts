import type { Request } from 'express';
import { WapHttpError } from '../contract/wap-error';

export interface FeedQuery { startId: number; batchSize: number }

/** .NET binds query names without case, so `StartId` works as `startId` does. */
function param(req: Request, name: string): string | undefined {
  for (const [k, v] of Object.entries(req.query)) {
    if (k.toLowerCase() === name.toLowerCase()) return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

function wholeNumber(req: Request, name: string): number {
  const raw = param(req, name);
  if (raw === undefined) throw new WapHttpError(400, 'BadRequest', `The query parameter '${name}' is required.`);
  if (!/^\d{1,15}$/.test(raw.trim())) {
    throw new WapHttpError(400, 'BadRequest', `The query parameter '${name}' must be a whole number >= 0, not '${raw}'.`);
  }
  return Number(raw.trim());
}

export function parseFeedQuery(req: Request): FeedQuery {
  return { startId: wholeNumber(req, 'startId'), batchSize: wholeNumber(req, 'batchSize') };
}

/**
 * The `overlapPages` quirk: a page begins up to `overlap` records before `startId`, as a feed
 * that re-sends the tail of the previous page would. The page stays within `batchSize` and always
 * holds at least one new record (when one exists), so a client that follows the highest EventId
 * still progresses.
 */
export function firstIdOf(query: FeedQuery, overlap: number): number {
  const repeats = Math.min(overlap, Math.max(0, query.batchSize - 1), Math.max(0, query.startId - 1));
  return Math.max(1, query.startId - repeats);
}
