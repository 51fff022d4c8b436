import { expect } from 'chai';
import * as sinon from 'sinon';
import { QueryTypes } from 'sequelize';
import { testBackend } from '../../support/test-database';
import { SUBSCRIPTION, declarativeMeter, sqlDatabases, startUsageWorld, wire, type UsageWorld } from './usage-world';
import type { RawUsageRecord } from '../../../core/usage/store/raw-usage-record';

describe(`ingesting WAP usage pages on ${testBackend()}`, () => {
  let world: UsageWorld;
  beforeEach(async () => {
    world = await startUsageWorld([await sqlDatabases(), declarativeMeter('test.thirds', 'thirdsprovider', 'Value', { divisor: '3' })]);
  });
  afterEach(async () => {
    sinon.restore();
    await world.close();
  });

  const allottedSpaceInMarch = async () => (await world.query.totals(SUBSCRIPTION, {
    from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z'),
  })).find((t) => t.meterId === 'mysql.allotted-space')?.quantity;

  it('starts a feed never pulled at startId 0', async () => {
    expect(await world.store.watermark('usage')).to.equal('0');
  });

  it('stores each record of a page once when the page arrives twice', async () => {
    const page = { records: [wire(1), wire(2), wire(3)], nextStartId: '4' };
    expect(await world.store.ingest('usage', page)).to.deep.equal({ new: 3, duplicate: 0, metered: 3, quarantined: 0 });
    expect(await world.store.ingest('usage', page)).to.deep.equal({ new: 0, duplicate: 3, metered: 0, quarantined: 0 });
    expect(await world.count('usage_records')).to.equal(3);
    // each MySQL record yields allotted space and a database count
    expect((await world.metered()).length).to.equal(6);
    expect(await world.store.watermark('usage')).to.equal('4');
  });

  it('counts a record repeated across two pages (or within one) once', async () => {
    await world.store.ingest('usage', { records: [wire(1), wire(2)], nextStartId: '3' });
    const outcome = await world.store.ingest('usage', { records: [wire(2), wire(3), wire(3)], nextStartId: '4' });
    expect(outcome).to.deep.equal({ new: 1, duplicate: 2, metered: 1, quarantined: 0 });
    expect(await world.count('usage_records')).to.equal(3);
    expect((await world.metered('mysql.databases')).length).to.equal(3);
    const totals = await world.query.totals(SUBSCRIPTION, { from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-03-11T00:00:00Z') });
    // three one-hour records of 1024 MB: 3 × 1 GB × 1 h
    expect(totals.find((t) => t.meterId === 'mysql.allotted-space')?.quantity).to.equal('3');
  });

  it('stores a page prepared ahead as it stores the page itself, and only its records not stored meanwhile', async () => {
    const prepared = await world.store.prepare('usage', { records: [wire(1), wire(2), wire(3)], nextStartId: '4' });
    await world.store.ingest('usage', { records: [wire(2)], nextStartId: '3' });
    expect(await world.store.ingest('usage', prepared)).to.deep.equal({ new: 2, duplicate: 1, metered: 2, quarantined: 0 });
    expect((await world.metered('mysql.databases')).length).to.equal(3);
    const totals = await world.query.totals(SUBSCRIPTION, { from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-03-11T00:00:00Z') });
    // three one-hour records of 1024 MB, record 2 counted once: 3 × 1 GB × 1 h
    expect(totals.find((t) => t.meterId === 'mysql.allotted-space')?.quantity).to.equal('3');
  });

  it('stores pages prepared one after the other in one transaction when joined, a record repeated across them once', async () => {
    const first = await world.store.prepare('usage', { records: [wire(1), wire(2)], nextStartId: '3' });
    const second = await world.store.prepare('usage', { records: [wire(3), wire(4)], nextStartId: '5' });
    const commits = sinon.spy(world.database.sequelize, 'transaction');
    expect(await world.store.ingest('usage', world.store.join('usage', [first, second]))).to.deep.equal({ new: 4, duplicate: 0, metered: 4, quarantined: 0 });
    expect(commits.callCount).to.equal(1);
    expect(await world.store.watermark('usage')).to.equal('5');
    // WAP repeated record 6 on the next page: stored once, counted once.
    const third = await world.store.prepare('usage', { records: [wire(5), wire(6)], nextStartId: '7' });
    const fourth = await world.store.prepare('usage', { records: [wire(6), wire(7)], nextStartId: '8' });
    expect(await world.store.ingest('usage', world.store.join('usage', [third, fourth]))).to.deep.equal({ new: 3, duplicate: 1, metered: 3, quarantined: 0 });
    expect(await world.count('usage_records')).to.equal(7);
    expect(await allottedSpaceInMarch()).to.equal('7');
  });

  it('prepares a large page in slices, letting the work of the page being stored run between them', async () => {
    const page = { records: Array.from({ length: 1000 }, (_, i) => wire(i + 1)), nextStartId: '1001' };
    const preparing = world.store.prepare('usage', page);
    // Queued after preparing began: in one synchronous block, the page would be prepared before this runs.
    let ranMeanwhile = false;
    setImmediate(() => (ranMeanwhile = true));
    const prepared = await preparing;
    expect(ranMeanwhile).to.equal(true);
    // The slices make one page: every record stored and metered once.
    expect(await world.store.ingest('usage', prepared)).to.deep.equal({ new: 1000, duplicate: 0, metered: 1000, quarantined: 0 });
    expect((await world.metered('mysql.databases')).length).to.equal(1000);
  });

  it('meters a page prepared ahead with the meters active when it is stored', async () => {
    const serviceBus = wire(1, { ProviderName: 'servicebus', ResourceId: 'ns-1', Resources: { MessageCount: '40' } });
    const prepared = await world.store.prepare('usage', { records: [serviceBus], nextStartId: '2' });
    world.meters.add(declarativeMeter('servicebus.messages', 'servicebus', 'MessageCount'));
    expect(await world.store.ingest('usage', prepared)).to.deep.equal({ new: 1, duplicate: 0, metered: 1, quarantined: 0 });
    expect((await world.metered('servicebus.messages')).map((m) => m.quantity)).to.deep.equal(['40']);
  });

  it('keeps the same EventId of two feeds apart', async () => {
    await world.store.ingest('usage', { records: [wire(1)], nextStartId: '2' });
    expect(await world.store.ingest('usage-b', { records: [wire(1)], nextStartId: '2' })).to.include({ new: 1, duplicate: 0 });
  });

  it('stores the record exactly as received and the quantity rounded to 12 places', async () => {
    const record = wire(1, { ProviderName: 'thirdsprovider', Resources: { Value: '1' }, Properties: { Region: 'west' } });
    await world.store.ingest('usage', { records: [record], nextStartId: '2' });
    const [row] = await world.database.sequelize.query<{ payload: string }>('SELECT payload FROM usage_records', { type: QueryTypes.SELECT });
    expect(JSON.parse(row.payload)).to.deep.equal(record);
    // 1 ÷ 3 = 0.333…, kept to 12 places, half-up
    expect((await world.metered()).map((m) => m.quantity)).to.deep.equal(['0.333333333333']);
  });

  it('stores the text WAP sent for each record where the collector kept it, long EventIds and spacing included', async () => {
    const texts = ['{ "EventId": 1, "ResourceId": "db-1", "StartTime": "2025-03-10T10:00:00", "EndTime": "2025-03-10T11:00:00", "ProviderName": "mysqlservers",'
      + ' "SubscriptionId": "' + wire(1).SubscriptionId + '", "Resources": { "TotalAllottedSpace": "1024", "DatabaseCount": "1" }, "Tag": 12345678901234567890 }'];
    await world.store.ingest('usage', { records: texts.map((t) => JSON.parse(t) as RawUsageRecord), texts, nextStartId: '2' });
    const [row] = await world.database.sequelize.query<{ payload: string }>('SELECT payload FROM usage_records', { type: QueryTypes.SELECT });
    expect(row.payload).to.equal(texts[0]);
    expect(await world.metered()).to.have.length(2);
  });

  it('recognises a replayed EventId beyond JavaScript\'s safe integers', async () => {
    const page = { records: [wire(0, { EventId: '9223372036854775806' })], nextStartId: '9223372036854775807' };
    await world.store.ingest('usage', page);
    expect(await world.store.ingest('usage', page)).to.deep.equal({ new: 0, duplicate: 1, metered: 0, quarantined: 0 });
    expect(await world.store.watermark('usage')).to.equal('9223372036854775807');
  });

  it('never moves the watermark back when an older page is replayed', async () => {
    await world.store.ingest('usage', { records: [wire(1), wire(2)], nextStartId: '3' });
    await world.store.ingest('usage', { records: [wire(3)], nextStartId: '4' });
    await world.store.ingest('usage', { records: [wire(1), wire(2)], nextStartId: '3' });
    expect(await world.store.watermark('usage')).to.equal('4');
  });

  it('refuses a page with a record that has no EventId, storing nothing of it', async () => {
    const page = { records: [wire(1), wire(0, { EventId: 'x' })], nextStartId: '3' };
    let error: unknown;
    await world.store.ingest('usage', page).catch((e: unknown) => { error = e; });
    expect(error).to.be.instanceOf(TypeError);
    expect(await world.count('usage_records')).to.equal(0);
  });

  it('leaves no record, usage or rollup and the old watermark when a page behind the roll-up fails, and a retry succeeds', async () => {
    await world.store.ingest('usage', { records: [wire(5)], nextStartId: '6' });
    expect(await world.store.rollUp('usage')).to.equal(1);
    // Records older than the roll-up mark are rolled up as they are stored, in the page's transaction.
    const write = sinon.stub(world.rollups, 'write');
    write.onFirstCall().rejects(new Error('disk full'));
    write.callThrough();
    const page = { records: [wire(2), wire(3), wire(4, { ProviderName: 'nobody' })], nextStartId: '5' };

    let error: unknown;
    await world.store.ingest('usage', page).catch((e: unknown) => { error = e; });
    expect((error as Error).message).to.equal('disk full');
    expect(await world.count('usage_records')).to.equal(1);
    expect((await world.metered()).length).to.equal(2);
    expect(await world.count('quarantined_records')).to.equal(0);
    // record 5's day: one row holding both of its meters in its hour
    expect(await world.count('usage_rollups_hours')).to.equal(1);
    expect(await world.store.watermark('usage')).to.equal('6');

    expect(await world.store.ingest('usage', page)).to.deep.equal({ new: 3, duplicate: 0, metered: 2, quarantined: 1 });
    expect(await world.count('usage_records')).to.equal(4);
    expect((await world.metered()).length).to.equal(6);
    expect(await world.store.watermark('usage')).to.equal('6');
    expect(await world.store.rollUp('usage')).to.equal(0);
    // records 5, 2 and 3, each 1 GB for one hour, the failed attempt counted nowhere
    expect(await allottedSpaceInMarch()).to.equal('3');
  });

  it('keeps the rollups and the roll-up mark when a roll-up fails; the next one takes every record once', async () => {
    await world.store.ingest('usage', { records: [wire(1), wire(2)], nextStartId: '3' });
    await world.store.ingest('usage', { records: [wire(3)], nextStartId: '4' });
    const write = sinon.stub(world.rollups, 'write');
    write.onFirstCall().rejects(new Error('disk full'));
    write.callThrough();

    let error: unknown;
    await world.store.rollUp('usage').catch((e: unknown) => { error = e; });
    expect((error as Error).message).to.equal('disk full');
    expect(await world.count('usage_rollups_hours')).to.equal(0);
    // answered from the records not rolled up
    expect(await allottedSpaceInMarch()).to.equal('3');

    expect(await world.store.rollUp('usage')).to.equal(3);
    expect(await world.count('usage_rollups_hours')).to.equal(1);
    expect(await world.store.rollUp('usage')).to.equal(0);
    expect(await allottedSpaceInMarch()).to.equal('3');
  });

  /** Rolls up record 1 (db-1, 10 March 10:00–11:00, 1 GB, one database), then record 2 (db-1, 2 GB, three databases) over `[start, end)`. */
  async function rollUpOneAfterTheOther(start: string, end: string): Promise<void> {
    await world.store.ingest('usage', { records: [wire(1)], nextStartId: '2' });
    expect(await world.store.rollUp('usage')).to.equal(1);
    await world.store.ingest('usage', { records: [wire(2, { StartTime: start, EndTime: end, Resources: { TotalAllottedSpace: '2048', DatabaseCount: '3' } })], nextStartId: '3' });
    expect(await world.store.rollUp('usage')).to.equal(1);
  }

  it('adds a later roll-up of the same day to its stored rows, hour by hour', async () => {
    await rollUpOneAfterTheOther('2025-03-10T11:00:00', '2025-03-10T12:00:00');
    expect([await world.count('usage_rollups_hours'), await world.count('usage_rollups_days'), await world.count('usage_rollups_subscription_daily')]).to.deep.equal([1, 1, 1]);
    const day = { from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-03-11T00:00:00Z') };
    const hours = await world.query.series(SUBSCRIPTION, day, 'hour');
    // 10:00: 1 GB for an hour, one database; 11:00: 2 GB, three databases
    expect(hours.map((b) => [b.from.toISOString().slice(11, 13), b.meterId, b.quantity])).to.deep.equal([
      ['10', 'mysql.allotted-space', '1'], ['10', 'mysql.databases', '1'], ['11', 'mysql.allotted-space', '2'], ['11', 'mysql.databases', '3'],
    ]);
    const days = await world.query.series(SUBSCRIPTION, day, 'day');
    expect(days.map((b) => [b.meterId, b.quantity])).to.deep.equal([['mysql.allotted-space', '3'], ['mysql.databases', '3']]);
  });

  it('adds a later roll-up of another day of the month to the resource\'s month row, day by day', async () => {
    await rollUpOneAfterTheOther('2025-03-12T11:00:00', '2025-03-12T12:00:00');
    // one days row for db-1's March, an hours row and a subscription row for each of the two days
    expect([await world.count('usage_rollups_days'), await world.count('usage_rollups_hours'), await world.count('usage_rollups_subscription_daily')]).to.deep.equal([1, 2, 2]);
    const resources = (from: string, to: string) => world.query.byResource(SUBSCRIPTION, 'mysql.allotted-space', { from: new Date(from), to: new Date(to) });
    // 10 March: 1 GB for an hour; 12 March: 2 GB for an hour
    expect(await resources('2025-03-10T00:00:00Z', '2025-03-11T00:00:00Z')).to.deep.equal([{ resourceId: 'db-1', quantity: '1' }]);
    expect(await resources('2025-03-11T00:00:00Z', '2025-03-13T00:00:00Z')).to.deep.equal([{ resourceId: 'db-1', quantity: '2' }]);
    // 1 + 2
    expect(await resources('2025-03-02T00:00:00Z', '2025-03-31T00:00:00Z')).to.deep.equal([{ resourceId: 'db-1', quantity: '3' }]);
  });

  it('refuses a page whose nextStartId is not past its records, storing nothing of it', async () => {
    let error: unknown;
    await world.store.ingest('usage', { records: [wire(1), wire(2)], nextStartId: '2' }).catch((e: unknown) => { error = e; });
    expect(error).to.be.instanceOf(RangeError);
    expect(await world.count('usage_records')).to.equal(0);
  });

  it('ingests a large page with a few statements, not one per record', async function () {
    this.timeout(60_000);
    const records = Array.from({ length: 2000 }, (_, i) => wire(i + 1, {
      ResourceId: `db-${i % 50}`,
      StartTime: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00`,
      EndTime: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:30:00`,
    }));
    const spy = sinon.spy(world.database.sequelize, 'query');
    expect(await world.store.ingest('usage', { records, nextStartId: '2001' })).to.deep.equal({ new: 2000, duplicate: 0, metered: 2000, quarantined: 0 });
    expect(spy.callCount).to.be.below(60);
    expect((await world.metered()).length).to.equal(4000);
  });
});
