import { expect } from 'chai';
import { Aggregation, MeteringStatus, type MeterPlugin } from '../../../core/plugin-api';
import { testBackend } from '../../support/test-database';
import { SUBSCRIPTION, startUsageWorld, wire, type UsageWorld } from './usage-world';

// A drill-down reads only its meter's entry of each rollup row, picked out by the database with a
// JSON path (not on PostgreSQL); an id no JSON path can name as it stands is picked out of the
// whole row here.
const PLAIN = 'disk.cold';
const ODD = 'Disk "hot" tier\\1';

const disks: MeterPlugin = {
  id: 'test-disks',
  meters: () => [PLAIN, ODD].map((id) => ({ id, displayName: id, unit: 'GB', aggregation: Aggregation.Sum })),
  meter: (record) => (record.providerName !== 'disks' ? { status: MeteringStatus.NotApplicable } : {
    status: MeteringStatus.Metered,
    quantities: [{ meterId: ODD, quantity: record.resources.Hot }, { meterId: PLAIN, quantity: record.resources.Cold }],
  }),
};

const disk = (eventId: number, resourceId: string, start: string, end: string, hot: string, cold: string) =>
  wire(eventId, { ProviderName: 'disks', ResourceId: resourceId, StartTime: start, EndTime: end, Resources: { Hot: hot, Cold: cold } });

describe(`the drill-down into one meter of rollup rows that hold two, on ${testBackend()}`, () => {
  let world: UsageWorld;
  before(async () => {
    world = await startUsageWorld([disks]);
    await world.store.ingest('usage', {
      records: [
        disk(1, 'disk-1', '2025-03-10T10:00:00', '2025-03-10T11:00:00', '5', '7'),
        disk(2, 'disk-2', '2025-03-11T00:00:00', '2025-03-13T00:00:00', '48', '96'),
        disk(3, 'disk-1', '2025-03-15T23:00:00', '2025-03-16T01:00:00', '4', '2'), // half of it inside
      ],
      nextStartId: '4',
    });
    expect(await world.store.rollUp('usage')).to.equal(3);
  });
  after(() => world.close());

  // From 10 March 10:00: that day's hours from its hours rows, 11–15 March from the days rows.
  const period = { from: new Date('2025-03-10T10:00:00Z'), to: new Date('2025-03-16T00:00:00Z') };

  it('totals each resource of a meter named by a plain id', async () => {
    expect(await world.query.byResource(SUBSCRIPTION, PLAIN, period)).to.deep.equal([
      { resourceId: 'disk-1', quantity: '8' }, // 7 + 2 ÷ 2
      { resourceId: 'disk-2', quantity: '96' },
    ]);
  });

  it('totals each resource of a meter whose id holds quotes and a backslash', async () => {
    expect(await world.query.byResource(SUBSCRIPTION, ODD, period)).to.deep.equal([
      { resourceId: 'disk-1', quantity: '7' }, // 5 + 4 ÷ 2
      { resourceId: 'disk-2', quantity: '48' },
    ]);
  });
});
