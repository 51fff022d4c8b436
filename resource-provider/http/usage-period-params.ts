import type { Request } from 'express';
import type { Period } from '../../core/usage/metering/aggregation/period';
import type { SeriesGrain } from '../../core/usage/store/usage-query';
import { HttpError } from './wap-error';

const HOUR = 3_600_000;
const GRAINS: readonly SeriesGrain[] = ['hour', 'day', 'month'];
/** Series longer than this many buckets are refused rather than answered slowly. */
const MAX_BUCKETS = 2_000;

/**
 * `from` and `to` (ISO 8601 instants on whole UTC hours, the finest rollup); without them, the
 * current UTC month up to the end of the current hour.
 */
export function usagePeriod(req: Request, now: Date): Period {
  const from = instant(req.query.from, 'from') ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = instant(req.query.to, 'to') ?? new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR);
  if (to.getTime() <= from.getTime()) throw new HttpError(400, 'BadRequest', "'to' must be after 'from'");
  return { from, to };
}

/** `granularity=hour|day|month`, or undefined for one total per meter over the whole period. */
export function seriesGrain(req: Request, period: Period): SeriesGrain | undefined {
  const value = req.query.granularity;
  if (value === undefined) return undefined;
  const grain = GRAINS.find((g) => g === value);
  if (!grain) throw new HttpError(400, 'BadRequest', `'granularity' must be one of ${GRAINS.join(', ')}`);
  const bucketMs = grain === 'hour' ? HOUR : grain === 'day' ? 24 * HOUR : 28 * 24 * HOUR;
  if ((period.to.getTime() - period.from.getTime()) / bucketMs > MAX_BUCKETS) {
    throw new HttpError(400, 'BadRequest', `a ${grain} series may hold at most ${MAX_BUCKETS} buckets: shorten the period or use a coarser granularity`);
  }
  return grain;
}

function instant(value: unknown, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new HttpError(400, 'BadRequest', `'${name}' must be an ISO 8601 instant such as 2025-03-01T00:00:00Z`);
  if (date.getTime() % HOUR !== 0) throw new HttpError(400, 'BadRequest', `'${name}' must fall on a whole UTC hour`);
  return date;
}
