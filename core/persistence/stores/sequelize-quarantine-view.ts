import { inject, injectable } from 'inversify';
import { Database } from '../database';
import {
  QUARANTINE_KINDS, type QuarantinedRecord, type QuarantinedRecordsFilter, type QuarantineGroup, type QuarantineKind, type QuarantineView,
} from '../../usage/store/quarantine-view';
import { bigintAsText, readBigint, readDate, select } from './sequelize-usage-sql';

interface GroupRow {
  kind: QuarantineGroup['kind'];
  provider_name: string | null;
  records: number | string;
  first_id: string | number;
  last_id: string | number;
  example: string;
}

interface RecordRow {
  feed: string;
  event_id: string | number;
  subscription_id: string | null;
  provider_name: string | null;
  resource_id: string | null;
  start_time: Date | string | null;
  end_time: Date | string | null;
  reason: string;
  quarantined_at: Date | string;
}

/** `LIKE` patterns are escaped with `!`: `_` in a kind is itself, not any character (and a backslash means something else to MariaDB). */
const likePrefix = (kind: QuarantineKind) => `'${kind.replace(/_/g, '!_')}:%' ESCAPE '!'`;

/** The kind of a stored reason (`<kind>: <message>`), in SQL every dialect speaks. */
const KIND_OF_REASON = `CASE ${QUARANTINE_KINDS.map((kind) => `WHEN q.reason LIKE ${likePrefix(kind)} THEN '${kind}'`).join(' ')} ELSE 'other' END`;

@injectable()
export class SequelizeQuarantineView implements QuarantineView {
  constructor(@inject(Database) private readonly database: Database) {}

  async groups(): Promise<QuarantineGroup[]> {
    const { dialect, sequelize } = this.database;
    // Grouped in a subquery: SQL Server groups by expressions, not by their aliases.
    const rows = await select<GroupRow>(
      sequelize,
      `SELECT kind, provider_name, COUNT(*) AS records, ${bigintAsText(dialect, 'MIN(event_id)', 'first_id')}, ${bigintAsText(dialect, 'MAX(event_id)', 'last_id')}, MIN(reason) AS example
       FROM (SELECT ${KIND_OF_REASON} AS kind, u.provider_name, q.event_id, q.reason
             FROM quarantined_records q JOIN usage_records u ON u.feed = q.feed AND u.event_id = q.event_id
             WHERE q.released_at IS NULL) t
       GROUP BY kind, provider_name`,
    );
    return rows
      .map((r) => ({
        kind: r.kind, providerName: r.provider_name, records: Number(r.records), firstEventId: readBigint(r.first_id), lastEventId: readBigint(r.last_id), example: r.example,
      }))
      .sort((a, b) => b.records - a.records || byKey(a.kind, b.kind) || byKey(a.providerName ?? '', b.providerName ?? ''));
  }

  async records(filter: QuarantinedRecordsFilter): Promise<QuarantinedRecord[]> {
    const { dialect, sequelize } = this.database;
    const conditions = [
      'q.released_at IS NULL',
      'q.feed = :feed',
      ...(filter.afterEventId === undefined ? [] : [`q.event_id > ${BigInt(filter.afterEventId)}`]),
      ...(filter.kind === undefined ? [] : [`q.reason LIKE ${likePrefix(filter.kind)}`]),
      ...(filter.providerName === undefined ? [] : ['u.provider_name = :providerName']),
    ];
    const limit = dialect === 'mssql' ? `OFFSET 0 ROWS FETCH NEXT ${filter.limit} ROWS ONLY` : `LIMIT ${filter.limit}`;
    const rows = await select<RecordRow>(
      sequelize,
      `SELECT q.feed, ${bigintAsText(dialect, 'q.event_id', 'event_id')}, u.subscription_id, u.provider_name, u.resource_id, u.start_time, u.end_time, q.reason, q.quarantined_at
       FROM quarantined_records q JOIN usage_records u ON u.feed = q.feed AND u.event_id = q.event_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY q.event_id ${limit}`,
      undefined,
      { feed: filter.feed, providerName: filter.providerName },
    );
    return rows.map((r) => ({
      feed: r.feed,
      eventId: readBigint(r.event_id),
      subscriptionId: r.subscription_id,
      providerName: r.provider_name,
      resourceId: r.resource_id,
      startTime: r.start_time === null ? null : readDate(r.start_time),
      endTime: r.end_time === null ? null : readDate(r.end_time),
      reason: r.reason,
      quarantinedAt: readDate(r.quarantined_at),
    }));
  }
}

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
