import { expect } from 'chai';
import { testBackend } from '../../support/test-database';
import { SUBSCRIPTION, sqlDatabases, startUsageWorld, wire, type UsageWorld } from './usage-world';
import type { UsageQuery } from '../../../core/usage/store/usage-query';

// March for an account billed in UTC+2: hours at both edges, whole days between (several rollup tables).
const MARCH_UTC_PLUS_2 = { from: new Date('2025-02-28T22:00:00Z'), to: new Date('2025-03-31T22:00:00Z') };

const RECORDS = [
  // 1 GB for 2 h, 2 databases
  wire(1, { ResourceId: 'db-1', StartTime: '2025-03-10T00:00:00', EndTime: '2025-03-10T02:00:00', Resources: { TotalAllottedSpace: '1024', DatabaseCount: '2' } }),
  // 2 GB for 3 h, 1 database
  wire(2, { ResourceId: 'db-2', StartTime: '2025-03-20T00:00:00', EndTime: '2025-03-20T03:00:00', Resources: { TotalAllottedSpace: '2048', DatabaseCount: '1' } }),
];

interface Answer {
  readonly name: string;
  read(query: UsageQuery): Promise<unknown>;
  readonly expected: unknown;
}

const ANSWERS: readonly Answer[] = [
  {
    name: 'the totals',
    read: async (query) => (await query.totals(SUBSCRIPTION, MARCH_UTC_PLUS_2)).map((t) => [t.meterId, t.quantity]),
    // GB-hours: 1 × 2 + 2 × 3 = 8; the most databases at once: max(2, 1) = 2
    expected: [['mysql.allotted-space', '8'], ['mysql.databases', '2']],
  },
  {
    name: 'the drill-down per resource',
    read: async (query) => (await query.byResource(SUBSCRIPTION, 'mysql.allotted-space', MARCH_UTC_PLUS_2)).map((r) => [r.resourceId, r.quantity]),
    expected: [['db-1', '2'], ['db-2', '6']],
  },
  {
    name: 'the records behind a resource\'s total',
    read: async (query) => (await query.records(SUBSCRIPTION, 'mysql.allotted-space', 'db-2', MARCH_UTC_PLUS_2)).map((e) => [e.eventId, e.quantity]),
    // 2048 MB = 2 GB, held over the record's 3 h
    expected: [['2', '2']],
  },
];

/**
 * Another instance rolls the feed's tail up while an answer is being read, after each of the
 * read's statements in turn: the answer must count every record once, from the tail or from the
 * rollups, whichever it saw them in.
 */
describe(`a usage answer read while another instance rolls the tail up, on ${testBackend()}`, () => {
  for (const answer of ANSWERS) {
    it(`counts every record of ${answer.name} once, whichever statement of the read the roll-up follows`, async () => {
      let rolledUpDuringRead = 0;
      for (let after = 1; ; after++) {
        const world = await startUsageWorld([await sqlDatabases()]);
        const other = await startUsageWorld([await sqlDatabases()], world.url);
        try {
          await world.store.ingest('usage', { records: RECORDS, nextStartId: '3' });
          let statements = 0;
          let rolledUp = false;
          world.database.sequelize.addHook('afterQuery', async () => {
            if (++statements === after) rolledUp = (await other.store.rollUp('usage')) === RECORDS.length;
          });
          expect(await answer.read(world.query), `roll-up after statement ${after}`).to.deep.equal(answer.expected);
          if (!rolledUp) break;
          rolledUpDuringRead++;
        } finally {
          await closeBoth(world, other);
        }
      }
      expect(rolledUpDuringRead, 'the roll-up committed during the read at least once').to.be.greaterThan(0);
    });
  }
});

describe(`a usage answer after a new usage feed began, on ${testBackend()}`, () => {
  it('reads the new feed\'s tail too, though the query had listed the usage feeds before it began', async () => {
    const world = await startUsageWorld([await sqlDatabases()]);
    try {
      await world.store.ingest('usage', { records: [RECORDS[0]], nextStartId: '2' });
      const allottedSpace = async () => (await world.query.totals(SUBSCRIPTION, MARCH_UTC_PLUS_2)).find((t) => t.meterId === 'mysql.allotted-space')?.quantity;
      // 1 GB × 2 h
      expect(await allottedSpace()).to.equal('2');
      await world.store.ingest('usage-b', { records: [RECORDS[1]], nextStartId: '3' });
      // + 2 GB × 3 h from the other feed, not rolled up
      expect(await allottedSpace()).to.equal('8');
    } finally {
      await world.close();
    }
  });
});

async function closeBoth(a: UsageWorld, b: UsageWorld): Promise<void> {
  await b.close();
  await a.close();
}
