import { expect } from 'chai';
import { Decimal } from '../../../core/money/decimal';
import { aggregateUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { testBackend } from '../../support/test-database';
import { SUBSCRIPTION, declarativeMeter, sqlDatabases, startUsageWorld, wire, type UsageWorld } from './usage-world';

// March for an account billed in UTC+2: the month starts and ends at 22:00 UTC, cutting two days.
const MARCH_UTC_PLUS_2 = { from: new Date('2025-02-28T22:00:00Z'), to: new Date('2025-03-31T22:00:00Z') };

const mysql = (eventId: number, resourceId: string, start: string, end: string, mb: string, databases: string) =>
  wire(eventId, { ResourceId: resourceId, StartTime: start, EndTime: end, Resources: { TotalAllottedSpace: mb, DatabaseCount: databases } });
const requests = (eventId: number, start: string, end: string, count: string) =>
  wire(eventId, { ProviderName: 'webrequests', ResourceId: 'site-1', StartTime: start, EndTime: end, Resources: { Requests: count } });

// Queries fold in the records not rolled up yet: every answer must be the same wherever the roll-up stands.
const ROLL_UPS = ['never rolled up', 'rolled up between its pages', 'rolled up after its pages'] as const;

for (const rollUp of ROLL_UPS) describe(`usage totals, per resource and down to records, on ${testBackend()}, ${rollUp}`, () => {
  let world: UsageWorld;
  before(async () => {
    world = await startUsageWorld([await sqlDatabases(), declarativeMeter('web.requests', 'webrequests', 'Requests')]);
    // Two pages, so that the second one updates rollup rows the first one wrote.
    await world.store.ingest('usage', {
      records: [
        mysql(1, 'db-1', '2025-02-28T10:00:00', '2025-02-28T11:00:00', '1024', '7'), // before the month
        mysql(2, 'db-1', '2025-02-28T20:00:00', '2025-03-01T02:00:00', '1024', '1'), // 4 of its 6 hours inside
        mysql(3, 'db-1', '2025-03-10T00:00:00', '2025-03-12T00:00:00', '512', '3'),
        requests(10, '2025-02-28T21:00:00', '2025-02-28T23:00:00', '100'),
        requests(11, '2025-03-05T10:00:00', '2025-03-05T11:00:00', '10'),
      ],
      nextStartId: '12',
    });
    // Records 4–6 of the next page then arrive behind the roll-up mark, and are rolled up as they are stored.
    if (rollUp === 'rolled up between its pages') expect(await world.store.rollUp('usage')).to.equal(5);
    await world.store.ingest('usage', {
      records: [
        mysql(4, 'db-2', '2025-03-15T12:00:00', '2025-03-15T12:30:00', '100', '1'),
        mysql(5, 'db-2', '2025-03-31T20:00:00', '2025-04-01T00:00:00', '2048', '2'), // 2 of its 4 hours inside
        mysql(6, 'db-1', '2025-04-01T00:00:00', '2025-04-01T01:00:00', '1024', '9'), // after the month
        requests(12, '2025-03-31T21:30:00', '2025-03-31T22:30:00', '3'),
        requests(13, '2025-03-10T10:00:00', '2025-03-10T10:00:00', '0.25'), // a reading, no length
      ],
      nextStartId: '14',
    });
    if (rollUp === 'rolled up after its pages') expect(await world.store.rollUp('usage')).to.equal(10);
  });
  after(() => world.close());

  it('totals each meter of the month from the rollups, exactly', async () => {
    const totals = await world.query.totals(SUBSCRIPTION, MARCH_UTC_PLUS_2);
    expect(totals.map((t) => [t.meterId, t.quantity, t.unit])).to.deep.equal([
      // GB-hours: 1 GB × 4 h + 0.5 GB × 48 h + (100 ÷ 1024 = 0.09765625) GB × 0.5 h + 2 GB × 2 h
      //         = 4 + 24 + 0.048828125 + 4 = 32.048828125
      ['mysql.allotted-space', '32.048828125', 'GB-hour'],
      // the most databases held at once among records 2–5: max(1, 3, 1, 2) = 3 (7 and 9 fall outside)
      ['mysql.databases', '3', 'database'],
      // 100 over 2 h with 1 h inside = 50; 10; 3 over 1 h with 0.5 h inside = 1.5; a reading of 0.25
      //   50 + 10 + 1.5 + 0.25 = 61.75
      ['web.requests', '61.75', 'unit'],
    ]);
  });

  it('answers whole UTC months from the monthly rollups with the same totals as the raw rows', async () => {
    const rows = await world.metered();
    // February and March whole, read as two monthly buckets
    const period = { from: new Date('2025-02-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };
    const totals = await world.query.totals(SUBSCRIPTION, period);
    expect(totals.length).to.be.greaterThan(0);
    for (const total of totals) {
      const own = rows.filter((r) => r.meterId === total.meterId).map((r) => ({
        resourceId: r.resourceId, start: r.start, end: r.end, quantity: new Decimal(r.quantity), eventId: r.eventId,
      }));
      expect(aggregateUsage(total.aggregation, own, period).toFixed(), total.meterId).to.equal(total.quantity);
    }
    // db-1: February, March, April; db-2: March; site-1: February, March
    expect(await world.count('usage_rollups_monthly')).to.equal(rollUp === 'never rolled up' ? 0 : 6);
  });

  it('gives the same totals as folding the stored rows themselves', async () => {
    const rows = await world.metered();
    const totals = await world.query.totals(SUBSCRIPTION, MARCH_UTC_PLUS_2);
    for (const total of totals) {
      const own = rows.filter((r) => r.meterId === total.meterId).map((r) => ({
        resourceId: r.resourceId, start: r.start, end: r.end, quantity: new Decimal(r.quantity), eventId: r.eventId,
      }));
      expect(aggregateUsage(total.aggregation, own, MARCH_UTC_PLUS_2).toFixed(), total.meterId).to.equal(total.quantity);
    }
  });

  for (const grain of ['hour', 'day', 'month'] as const) {
    it(`answers a series by ${grain}, each bucket as folding the stored rows over it`, async () => {
      const rows = await world.metered();
      // by hour, the two days around the start of the month; else the month itself
      const period = grain === 'hour' ? { from: new Date('2025-02-28T00:00:00Z'), to: new Date('2025-03-02T00:00:00Z') } : MARCH_UTC_PLUS_2;
      const series = await world.query.series(SUBSCRIPTION, period, grain);
      expect(series.length).to.be.greaterThan(grain === 'month' ? 2 : 5);
      for (const bucket of series) {
        const meter = world.meters.meter(bucket.meterId)!;
        const own = rows.filter((r) => r.meterId === bucket.meterId).map((r) => ({
          resourceId: r.resourceId, start: r.start, end: r.end, quantity: new Decimal(r.quantity), eventId: r.eventId,
        }));
        expect(aggregateUsage(meter.aggregation, own, bucket).toFixed(), `${bucket.meterId} ${bucket.from.toISOString()}`).to.equal(bucket.quantity);
      }
    });
  }

  it('gives admins every subscription\'s totals, as each subscription\'s own', async () => {
    const overview = await world.query.overview(MARCH_UTC_PLUS_2);
    const own = await world.query.totals(SUBSCRIPTION, MARCH_UTC_PLUS_2);
    expect(overview.map((o) => [o.meterId, o.quantity])).to.deep.equal(own.map((t) => [t.meterId, t.quantity]));
  });

  it('breaks a meter down per resource', async () => {
    expect(await world.query.byResource(SUBSCRIPTION, 'mysql.allotted-space', MARCH_UTC_PLUS_2)).to.deep.equal([
      // db-1: 4 + 24 = 28; db-2: 0.048828125 + 4 = 4.048828125
      { resourceId: 'db-1', quantity: '28' },
      { resourceId: 'db-2', quantity: '4.048828125' },
    ]);
    expect(await world.query.byResource(SUBSCRIPTION, 'mysql.databases', MARCH_UTC_PLUS_2)).to.deep.equal([
      { resourceId: 'db-1', quantity: '3' },
      { resourceId: 'db-2', quantity: '2' },
    ]);
  });

  it('lists the WAP records behind one resource of a meter, as received', async () => {
    const evidence = await world.query.records(SUBSCRIPTION, 'mysql.allotted-space', 'db-1', MARCH_UTC_PLUS_2);
    expect(evidence.map((e) => [e.eventId, e.start.toISOString(), e.end.toISOString(), e.quantity])).to.deep.equal([
      ['2', '2025-02-28T20:00:00.000Z', '2025-03-01T02:00:00.000Z', '1'],
      ['3', '2025-03-10T00:00:00.000Z', '2025-03-12T00:00:00.000Z', '0.5'],
    ]);
    expect(evidence[1].record).to.deep.equal(mysql(3, 'db-1', '2025-03-10T00:00:00', '2025-03-12T00:00:00', '512', '3'));
    const readings = await world.query.records(SUBSCRIPTION, 'web.requests', 'site-1', MARCH_UTC_PLUS_2);
    expect(readings.map((e) => e.eventId)).to.deep.equal(['10', '11', '13', '12']);
  });

  it('answers a period without usage with no totals', async () => {
    expect(await world.query.totals(SUBSCRIPTION, { from: new Date('2025-06-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z') })).to.deep.equal([]);
    expect(await world.query.totals('another-subscription', MARCH_UTC_PLUS_2)).to.deep.equal([]);
  });
});
