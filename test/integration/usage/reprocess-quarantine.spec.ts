import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { testBackend } from '../../support/test-database';
import { SUBSCRIPTION, declarativeMeter, sqlDatabases, startUsageWorld, wire, type UsageWorld } from './usage-world';

const MARCH = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') };

describe(`quarantine and its reprocessing on ${testBackend()}`, () => {
  let world: UsageWorld;
  beforeEach(async () => {
    world = await startUsageWorld([await sqlDatabases()]);
  });
  afterEach(() => world.close());

  const serviceBus = (eventId: number, messages: string) =>
    wire(eventId, { ProviderName: 'servicebus', ResourceId: 'ns-1', Resources: { MessageCount: messages } });

  it('quarantines a record of a provider no meter knows, with the reason, and keeps the record', async () => {
    const outcome = await world.store.ingest('usage', { records: [wire(1), serviceBus(2, '40')], nextStartId: '3' });
    expect(outcome).to.deep.equal({ new: 2, duplicate: 0, metered: 1, quarantined: 1 });
    const rows = await world.database.sequelize.query<{ event_id: string | number; reason: string; released_at: unknown }>(
      'SELECT event_id, reason, released_at FROM quarantined_records', { type: QueryTypes.SELECT },
    );
    expect(rows.map((r) => [String(r.event_id), r.reason, r.released_at])).to.deep.equal([
      ['2', 'unclaimed: no enabled meter plugin meters provider "servicebus" (service type "Default")', null],
    ]);
    expect(await world.count('usage_records')).to.equal(2);
  });

  it('quarantines a record that ends before it starts', async () => {
    await world.store.ingest('usage', { records: [wire(1, { StartTime: '2025-03-10T11:00:00', EndTime: '2025-03-10T10:00:00' })], nextStartId: '2' });
    expect(await world.count('quarantined_records', "reason LIKE 'bad_interval:%'")).to.equal(1);
  });

  it('meters a quarantined record once after its meter is added, however often reprocessing runs', async () => {
    await world.store.ingest('usage', { records: [wire(1), serviceBus(2, '40'), serviceBus(3, '2.5')], nextStartId: '4' });
    expect(await world.reprocess.reprocess()).to.deep.equal({ examined: 2, released: 0, stillQuarantined: 2 });

    world.meters.add(declarativeMeter('servicebus.messages', 'servicebus', 'MessageCount'));
    expect(await world.reprocess.reprocess()).to.deep.equal({ examined: 2, released: 2, stillQuarantined: 0 });
    expect(await world.reprocess.reprocess()).to.deep.equal({ examined: 0, released: 0, stillQuarantined: 0 });

    expect((await world.metered('servicebus.messages')).length).to.equal(2);
    expect(await world.count('quarantined_records', 'released_at IS NULL')).to.equal(0);
    const totals = await world.query.totals(SUBSCRIPTION, MARCH);
    // 40 + 2.5 messages, counted once though reprocessing ran three times
    expect(totals.find((t) => t.meterId === 'servicebus.messages')?.quantity).to.equal('42.5');
  });

  for (const rolledUp of ['before', 'after'] as const) {
    it(`counts a released record once whether the collector rolls its feed up ${rolledUp} reprocessing`, async () => {
      await world.store.ingest('usage', { records: [wire(1), serviceBus(2, '40')], nextStartId: '3' });
      await world.store.ingest('usage', { records: [serviceBus(3, '2.5'), wire(4)], nextStartId: '5' });
      if (rolledUp === 'before') expect(await world.store.rollUp('usage')).to.equal(4);
      world.meters.add(declarativeMeter('servicebus.messages', 'servicebus', 'MessageCount'));
      expect(await world.reprocess.reprocess()).to.deep.equal({ examined: 2, released: 2, stillQuarantined: 0 });
      // Reprocessing rolled the tail up first: nothing is left for the collector's roll-up.
      expect(await world.store.rollUp('usage')).to.equal(0);
      const totals = await world.query.totals(SUBSCRIPTION, MARCH);
      expect(totals.find((t) => t.meterId === 'servicebus.messages')?.quantity).to.equal('42.5');
      // records 1 and 4: 1 GB for an hour each
      expect(totals.find((t) => t.meterId === 'mysql.allotted-space')?.quantity).to.equal('2');
      // an hours row and a days row per resource (db-1, ns-1): every record lies in 10:00–11:00 on 10 March
      expect([await world.count('usage_rollups_hours'), await world.count('usage_rollups_days')]).to.deep.equal([2, 2]);
    });
  }

  it('releases each record once when two instances reprocess at the same time', async () => {
    await world.store.ingest('usage', { records: [wire(1), serviceBus(2, '40'), serviceBus(3, '2.5')], nextStartId: '4' });
    await world.store.rollUp('usage');
    const other = await startUsageWorld([await sqlDatabases()], world.url);
    try {
      for (const instance of [world, other]) instance.meters.add(declarativeMeter('servicebus.messages', 'servicebus', 'MessageCount'));
      const outcomes = await Promise.all([world.reprocess.reprocess(), other.reprocess.reprocess()]);
      expect(outcomes.reduce((n, o) => n + o.released, 0)).to.equal(2);
      expect(await world.count('quarantined_records', 'released_at IS NULL')).to.equal(0);
      const totals = await world.query.totals(SUBSCRIPTION, MARCH);
      // 40 + 2.5 messages: the rollups hold each released record once.
      expect(totals.find((t) => t.meterId === 'servicebus.messages')?.quantity).to.equal('42.5');
    } finally {
      await other.close();
    }
  });

  it('keeps the newest reason for a record that still fails', async () => {
    await world.store.ingest('usage', { records: [serviceBus(1, 'lots')], nextStartId: '2' });
    world.meters.add(declarativeMeter('servicebus.messages', 'servicebus', 'MessageCount'));
    expect(await world.reprocess.reprocess()).to.deep.equal({ examined: 1, released: 0, stillQuarantined: 1 });
    const [row] = await world.database.sequelize.query<{ reason: string }>('SELECT reason FROM quarantined_records', { type: QueryTypes.SELECT });
    expect(row.reason).to.equal('invalid: Resources.MessageCount is not a decimal number: "lots"');
  });
});
