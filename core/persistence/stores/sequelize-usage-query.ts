import { inject, injectable } from 'inversify';
import { MeterRegistry } from '../../plugin-host/meter-registry';
import { Database } from '../database';
import { Decimal } from '../../money/decimal';
import { combinePartials, emptyPartial, finishPartial, type PartialAggregate } from '../../usage/metering/aggregation/partial-aggregate';
import type { Period } from '../../usage/metering/aggregation/period';
import { fromStoredPartial, type StoredPartial } from '../../usage/metering/aggregation/stored-partial';
import type { RawUsageRecord } from '../../usage/store/raw-usage-record';
import { rollupSpans } from '../../usage/store/rollup-spans';
import type { MeterTotal, ResourceTotal, SeriesGrain, SubscriptionMeterTotal, UsageBucket, UsageEvidence, UsageQuery } from '../../usage/store/usage-query';
import { bucketOf } from '../../usage/store/series-buckets';
import { ROLLUP_TABLE } from './sequelize-usage-rollups';
import { bigintAsText, readBigint, readDate, select } from './sequelize-usage-sql';

interface RollupRow {
  subscription_id: string;
  meter_id: string;
  resource_id: string;
  bucket_start: Date | string;
  partial: string;
}

interface EvidenceRow {
  feed: string;
  event_id: string | number;
  start_time: Date | string;
  end_time: Date | string;
  quantity: string | number;
  payload: string;
}

/** Answers usage questions from the rollups (totals) and from metered_usage (the records behind them). */
@injectable()
export class SequelizeUsageQuery implements UsageQuery {
  constructor(
    @inject(Database) private readonly database: Database,
    @inject(MeterRegistry) private readonly meters: MeterRegistry,
  ) {}

  async totals(subscriptionId: string, period: Period): Promise<MeterTotal[]> {
    const byMeter = this.fold(await this.rollups(subscriptionId, undefined, period), (row) => row.meter_id);
    return [...byMeter].sort(([a], [b]) => (a < b ? -1 : 1)).map(([meterId, partial]) => ({
      meterId,
      aggregation: partial.aggregation,
      unit: this.meters.meter(meterId)?.unit,
      quantity: finishPartial(partial).toFixed(),
    }));
  }

  async byResource(subscriptionId: string, meterId: string, period: Period): Promise<ResourceTotal[]> {
    const byResource = this.fold(await this.rollups(subscriptionId, meterId, period), (row) => row.resource_id);
    return [...byResource].sort(([a], [b]) => (a < b ? -1 : 1)).map(([resourceId, partial]) => ({
      resourceId: resourceId === '' ? null : resourceId,
      quantity: finishPartial(partial).toFixed(),
    }));
  }

  async records(subscriptionId: string, meterId: string, resourceId: string | null, period: Period): Promise<UsageEvidence[]> {
    // The rule of `countsIn`: a row overlaps the period, or is a reading taken inside it.
    const rows = await select<EvidenceRow>(
      this.database.sequelize,
      `SELECT m.feed, ${bigintAsText(this.database.dialect, 'm.event_id', 'event_id')}, m.start_time, m.end_time, m.quantity, u.payload
       FROM metered_usage m JOIN usage_records u ON u.feed = m.feed AND u.event_id = m.event_id
       WHERE m.subscription_id = :subscriptionId AND m.meter_id = :meterId AND m.resource_id = :resourceId
         AND m.start_time < :to AND (m.end_time > :from OR (m.end_time = m.start_time AND m.start_time >= :from))
       ORDER BY m.start_time, m.event_id, m.id`,
      undefined,
      { subscriptionId, meterId, resourceId: resourceId ?? '', from: period.from, to: period.to },
    );
    return rows.map((r) => ({
      feed: r.feed,
      eventId: readBigint(r.event_id),
      start: readDate(r.start_time),
      end: readDate(r.end_time),
      quantity: new Decimal(r.quantity).toFixed(),
      record: JSON.parse(r.payload) as RawUsageRecord,
    }));
  }

  async series(subscriptionId: string, period: Period, grain: SeriesGrain): Promise<UsageBucket[]> {
    // An hourly series cannot use the daily rollups: a day's row does not say which hour its usage fell in.
    const rows = await this.rollups(subscriptionId, undefined, period, grain === 'hour');
    const groups = this.fold(rows, (row) => `${row.meter_id}\u0000${bucketOf(readDate(row.bucket_start), grain, period).from.toISOString()}`);
    return [...groups]
      .map(([key, partial]) => {
        const [meterId, bucketStart] = key.split('\u0000');
        const bucket = bucketOf(new Date(bucketStart), grain, period);
        return { meterId, from: bucket.from, to: bucket.to, quantity: finishPartial(partial).toFixed() };
      })
      .sort((a, b) => a.from.getTime() - b.from.getTime() || (a.meterId < b.meterId ? -1 : a.meterId > b.meterId ? 1 : 0));
  }

  async overview(period: Period): Promise<SubscriptionMeterTotal[]> {
    const groups = this.fold(await this.rollups(undefined, undefined, period), (row) => `${row.subscription_id}\u0000${row.meter_id}`);
    return [...groups]
      .map(([key, partial]) => {
        const [subscriptionId, meterId] = key.split('\u0000');
        return { subscriptionId, meterId, quantity: finishPartial(partial).toFixed() };
      })
      .sort((a, b) => (a.subscriptionId + a.meterId < b.subscriptionId + b.meterId ? -1 : 1));
  }

  /** Combines rollup rows into one partial per group, starting from the registry's aggregation when it knows the meter. */
  private fold(rows: readonly RollupRow[], groupOf: (row: RollupRow) => string): Map<string, PartialAggregate> {
    const partials = new Map<string, PartialAggregate>();
    for (const row of rows) {
      const group = groupOf(row);
      const partial = fromStoredPartial(JSON.parse(row.partial) as StoredPartial);
      const held = partials.get(group) ?? emptyPartial(this.meters.meter(row.meter_id)?.aggregation ?? partial.aggregation);
      partials.set(group, combinePartials(held, partial));
    }
    return partials;
  }

  /** Daily rows for the whole days of the period, hourly rows for the hours at its edges; never both for one instant. */
  private async rollups(subscriptionId: string | undefined, meterId: string | undefined, period: Period, hourlyOnly = false): Promise<RollupRow[]> {
    const spans = rollupSpans(period); // also refuses a period that would split an hourly bucket
    const reads = hourlyOnly
      ? [{ table: ROLLUP_TABLE.hour, span: period }]
      : [...(spans.days ? [{ table: ROLLUP_TABLE.day, span: spans.days }] : []), ...spans.hours.map((span) => ({ table: ROLLUP_TABLE.hour, span }))];
    const rows: RollupRow[] = [];
    for (const { table, span } of reads) {
      rows.push(...(await select<RollupRow>(
        this.database.sequelize,
        `SELECT subscription_id, meter_id, resource_id, bucket_start, partial FROM ${table}
         WHERE bucket_start >= :from AND bucket_start < :to
           ${subscriptionId === undefined ? '' : 'AND subscription_id = :subscriptionId'} ${meterId === undefined ? '' : 'AND meter_id = :meterId'}`,
        undefined,
        { subscriptionId, meterId, from: span.from, to: span.to },
      )));
    }
    return rows;
  }
}
