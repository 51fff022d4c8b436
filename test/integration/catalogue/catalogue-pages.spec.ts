import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import * as sinon from 'sinon';
import { Database } from '../../../core/persistence/database';
import { SubscriptionStore } from '../../../core/subscriptions/subscription-store';
import { startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { CatalogueWorld, usageEvent } from './catalogue-world';

const A = '0a53e53d-1111-4222-8333-00000000000a';
const B = '0a53e53d-1111-4222-8333-00000000000b';
const C = '0a53e53d-1111-4222-8333-00000000000c';
const D = '0a53e53d-1111-4222-8333-00000000000d';
const E = '0a53e53d-1111-4222-8333-00000000000e';
const owner = (name: string) => `${name}@Example.com`;

/**
 * A subscription already mirrored before the page (A, owned by Ann), which WAP then suspended
 * through a notification to the resource provider, on the 10th.
 */
const before = [usageEvent(1, 'POST', { SubscriptionID: A, AccountAdminLiveEmailId: owner('Ann'), State: 1, PlanId: 'Goldplan', SubscriptionName: 'a' }, '2025-03-01T00:00:00Z')];

/** Events that meet in one page: each reads what the ones before it in the page wrote. */
const page = [
  // A: told active on the 2nd (behind the notification's suspension: the state stays), renamed, moved to another plan.
  usageEvent(2, 'PUT', { SubscriptionID: A, State: 1 }, '2025-03-02T00:00:00Z'),
  usageEvent(3, 'PATCH', { SubscriptionID: A, SubscriptionName: 'a renamed', PlanId: 'Silverplan' }, '2025-03-03T00:00:00Z'),
  // B: a new subscription of Ann's (an account that exists), its plan changed, then deleted.
  usageEvent(4, 'POST', { SubscriptionID: B, AccountAdminLiveEmailId: owner('Ann'), State: 1, PlanId: 'Goldplan' }, '2025-03-02T00:00:00Z'),
  usageEvent(5, 'PUT', { SubscriptionID: B, PlanId: 'Silverplan', State: 1 }, '2025-03-04T00:00:00Z'),
  usageEvent(6, 'DELETE', { SubscriptionID: B }, '2025-03-05T00:00:00Z'),
  // C: told suspended before its owner (Bob, new) is known; the POST comes later in the page.
  usageEvent(7, 'PATCH', { SubscriptionID: C, State: 2 }, '2025-03-06T00:00:00Z'),
  usageEvent(8, 'POST', { SubscriptionID: C, AccountAdminLiveEmailId: owner('Bob'), State: 1, PlanId: 'Goldplan' }, '2025-03-02T00:00:00Z'),
  // D: no owner yet at the page's end.
  usageEvent(9, 'PATCH', { SubscriptionID: D, State: 2 }, '2025-03-02T00:00:00Z'),
  // E: Bob's second; an event older than its POST, collected after it, must not move its state back.
  usageEvent(10, 'POST', { SubscriptionID: E, AccountAdminLiveEmailId: owner('Bob'), State: 1 }, '2025-03-05T00:00:00Z'),
  usageEvent(11, 'PUT', { SubscriptionID: E, State: 2 }, '2025-03-04T00:00:00Z'),
];

/** The rows a page's subscription events write, without the ids and clock times that differ between runs. */
async function subscriptionRows(world: CatalogueWorld): Promise<Record<string, unknown[]>> {
  const sequelize = world.server.container.get(Database).sequelize;
  const read = (sql: string) => sequelize.query(sql, { type: QueryTypes.SELECT });
  return {
    accounts: await read('SELECT id, currency, time_zone, bill_cycle_day, standing FROM accounts ORDER BY id'),
    subscriptions: await read('SELECT * FROM subscriptions ORDER BY id'),
    states: await read('SELECT subscription_id, state, changed_at, source FROM subscription_state_changes ORDER BY id'),
    plans: await read('SELECT subscription_id, plan_id, changed_at, source FROM subscription_plan_changes ORDER BY id'),
    marks: await read('SELECT * FROM subscription_feed_marks ORDER BY subscription_id'),
  };
}

/** The rows left by `before`, the notification, then `pages` of the subscriptions feed. */
async function mirrored(pages: ReturnType<typeof usageEvent>[][]): Promise<Record<string, unknown[]>> {
  const server = await startTestServer();
  try {
    const world = new CatalogueWorld(server);
    await world.ingest('subscriptions', ...before);
    const a = (await world.subscription(A))!;
    await server.container.get<SubscriptionStore>(SubscriptionStore).save({ subscription: { ...a, state: 'suspended' }, at: new Date('2025-03-10T00:00:00Z'), source: 'resource-provider' });
    for (const events of pages) await world.ingest('subscriptions', ...events);
    return await subscriptionRows(world);
  } finally {
    await server.close();
  }
}

describe(`a page of billing events, read and written a page at a time, on ${testBackend()}`, () => {
  it('leaves exactly the rows the same events leave one page each', async () => {
    const onePageEach = await mirrored(page.map((event) => [event]));
    const together = await mirrored([page]);
    expect(together).to.deep.equal(onePageEach);
    // And those rows are the ones the events describe.
    expect((together.subscriptions as { id: string; state: string; plan_id: string; account_id: string }[])
      .map((s) => [s.id.slice(-1), s.account_id, s.plan_id, s.state])).to.deep.equal([
      ['a', 'ann@example.com', 'Silverplan', 'suspended'],
      ['b', 'ann@example.com', 'Silverplan', 'deleted'],
      ['c', 'bob@example.com', 'Goldplan', 'suspended'],
      ['e', 'bob@example.com', null, 'active'],
    ]);
    expect((together.states as { subscription_id: string; state: string }[]).map((s) => `${s.subscription_id.slice(-1)} ${s.state}`))
      .to.deep.equal(['a active', 'a suspended', 'b active', 'b deleted', 'c active', 'c suspended', 'e active']);
    expect((together.plans as { subscription_id: string; plan_id: string }[]).map((p) => `${p.subscription_id.slice(-1)} ${p.plan_id}`))
      .to.deep.equal(['a Goldplan', 'a Silverplan', 'b Goldplan', 'b Silverplan', 'c Goldplan']);
    expect((together.accounts as { id: string }[]).map((a) => a.id)).to.deep.equal(['ann@example.com', 'bob@example.com']);
    expect((together.marks as { subscription_id: string; pending: string | null }[]).filter((m) => m.pending).map((m) => m.subscription_id)).to.deep.equal([D]);
  });

  it('leaves exactly the rows the same plan, link and add-on events leave one page each', async () => {
    const offerPages = {
      plans: [
        usageEvent(1, 'POST', { Id: 'Goldplan', DisplayName: 'Gold', State: 0 }, '2025-03-01T00:00:00Z'),
        usageEvent(2, 'PATCH', { Id: 'Goldplan', State: 1 }, '2025-03-02T00:00:00Z'),
        usageEvent(3, 'POST', { Id: 'Silverplan', DisplayName: 'Silver', State: 0 }, '2025-03-01T00:00:00Z'),
        usageEvent(4, 'DELETE', { Id: 'Silverplan' }, '2025-03-03T00:00:00Z'),
        // Older than the PATCH, collected after it: fills only what is still unknown.
        usageEvent(5, 'PUT', { Id: 'Goldplan', DisplayName: 'Gold (old)', State: 0 }, '2025-03-01T12:00:00Z'),
      ],
      addons: [usageEvent(1, 'POST', { Id: 'Extrastorage', DisplayName: 'Extra storage', State: 0 }, '2025-03-01T00:00:00Z')],
      planServices: [
        usageEvent(1, 'POST', { PlanId: 'Goldplan', ServiceName: 'sqlservers', ServiceInstanceId: 'sql-1' }, '2025-03-01T00:00:00Z'),
        usageEvent(2, 'POST', { PlanId: 'Goldplan', ServiceName: 'mysqlservers', ServiceInstanceId: 'mysql-1' }, '2025-03-01T00:00:00Z'),
        usageEvent(3, 'DELETE', { PlanId: 'Goldplan', ServiceName: 'sqlservers', ServiceInstanceId: 'sql-1' }, '2025-03-02T00:00:00Z'),
      ],
      planAddons: [
        usageEvent(1, 'POST', { PlanId: 'Goldplan', AddOnId: 'Extrastorage' }, '2025-03-01T00:00:00Z'),
        usageEvent(2, 'DELETE', { PlanId: 'Goldplan', AddOnId: 'Extrastorage' }, '2025-03-02T00:00:00Z'),
        usageEvent(3, 'POST', { PlanId: 'Goldplan', AddOnId: 'Extrastorage' }, '2025-03-04T00:00:00Z'),
      ],
      subscriptionAddons: [
        usageEvent(1, 'DELETE', { SubscriptionId: A.toUpperCase(), AddOnId: 'Extrastorage', AddOnInstanceId: 'I-1' }, '2025-03-05T00:00:00Z'),
        usageEvent(2, 'POST', { SubscriptionId: A, AddOnId: 'Extrastorage', AddOnInstanceId: 'i-1' }, '2025-03-02T00:00:00Z'),
        usageEvent(3, 'POST', { SubscriptionId: A, AddOnId: 'Extrastorage', AddOnInstanceId: 'i-2' }, '2025-03-03T00:00:00Z'),
        usageEvent(4, 'POST', { SubscriptionId: B, AddOnId: 'Extrastorage', AddOnInstanceId: 'i-1' }, '2025-03-03T00:00:00Z'),
      ],
    };
    const offerRows = async (onePageEach: boolean) => {
      const server = await startTestServer();
      try {
        const world = new CatalogueWorld(server);
        for (const [feed, events] of Object.entries(offerPages)) {
          if (onePageEach) for (const event of events) await world.ingest(feed, event);
          else await world.ingest(feed, ...events);
        }
        const read = (sql: string) => server.container.get(Database).sequelize.query(sql, { type: QueryTypes.SELECT });
        return {
          plans: await read('SELECT * FROM plans ORDER BY id'),
          addOns: await read('SELECT * FROM add_ons ORDER BY id'),
          planServices: await read('SELECT * FROM plan_services ORDER BY plan_id, service_instance_id'),
          planAddOns: await read('SELECT * FROM plan_add_ons ORDER BY plan_id, add_on_id'),
          subscriptionAddOns: await read('SELECT * FROM subscription_add_ons ORDER BY subscription_id, instance_id'),
        };
      } finally {
        await server.close();
      }
    };
    const together = await offerRows(false);
    expect(together).to.deep.equal(await offerRows(true));
    expect((together.plans as { id: string; display_name: string; state: number; deleted_at: unknown }[]).map((p) => [p.id, p.display_name, p.state, p.deleted_at !== null]))
      .to.deep.equal([['Goldplan', 'Gold', 1, false], ['Silverplan', 'Silver', 0, true]]);
    expect((together.planServices as { service_instance_id: string; removed_at: unknown }[]).map((l) => [l.service_instance_id, l.removed_at !== null]))
      .to.deep.equal([['mysql-1', false], ['sql-1', true]]);
    expect((together.planAddOns as { removed_at: unknown }[]).map((l) => l.removed_at)).to.deep.equal([null]);
    expect((together.subscriptionAddOns as { subscription_id: string; instance_id: string; added_at: unknown; removed_at: unknown }[])
      .map((h) => [h.subscription_id.slice(-1), h.instance_id, h.added_at !== null, h.removed_at !== null]))
      .to.deep.equal([['a', 'i-1', true, true], ['a', 'i-2', true, false], ['b', 'i-1', true, false]]);
  });

  /** The plans left by one plan id told in three cases, the plans table's key collated as `collation` (MariaDB) where given. */
  async function plansToldInThreeCases(collation?: string) {
    const server = await startTestServer();
    try {
      const sequelize = server.container.get(Database).sequelize;
      if (collation) await sequelize.query(`ALTER TABLE plans MODIFY id VARCHAR(128) CHARACTER SET utf8mb4 COLLATE ${collation} NOT NULL`);
      const world = new CatalogueWorld(server);
      await world.ingest('plans', usageEvent(1, 'POST', { Id: 'Goldplan', DisplayName: 'Gold', State: 0 }, '2025-03-01T00:00:00Z'));
      await world.ingest('plans',
        usageEvent(2, 'PATCH', { Id: 'GOLDPLAN', State: 1 }, '2025-03-02T00:00:00Z'),
        usageEvent(3, 'PATCH', { Id: 'goldplan', DisplayName: 'Gold 2' }, '2025-03-03T00:00:00Z'));
      return (await sequelize.query('SELECT id, display_name, state FROM plans ORDER BY id', { type: QueryTypes.SELECT })) as { id: string; display_name: string; state: number }[];
    } finally {
      await server.close();
    }
  }

  it('keeps ids that differ only in case apart where the database compares them with case', async () => {
    const plans = await plansToldInThreeCases();
    expect(plans.map((p) => p.id).sort()).to.deep.equal(['GOLDPLAN', 'Goldplan', 'goldplan']);
  });

  it('takes them for one row where the key\'s collation ignores case, as the database does', async function () {
    if (testBackend() !== 'mariadb') this.skip();
    expect(await plansToldInThreeCases('utf8mb4_general_ci')).to.deep.equal([{ id: 'Goldplan', display_name: 'Gold 2', state: 1 }]);
  });

  it('costs as many statements for forty new subscriptions, or add-on instances, as for four', async () => {
    const server = await startTestServer();
    try {
      const world = new CatalogueWorld(server);
      const query = sinon.spy(server.container.get(Database).sequelize, 'query');
      const subscriptionId = (n: number) => `0a53e53d-1111-4222-8333-${String(n).padStart(12, '0')}`;
      const statementsFor = async (feed: string, first: number, count: number, entity: (n: number) => Record<string, unknown>) => {
        query.resetHistory();
        await world.ingest(feed, ...Array.from({ length: count }, (_, i) => usageEvent(first + i, 'POST', entity(first + i), '2025-03-01T00:00:00Z')));
        return query.callCount;
      };
      const subscription = (n: number) => ({ SubscriptionID: subscriptionId(n), AccountAdminLiveEmailId: owner(`owner${n}`), State: 1, PlanId: 'Goldplan' });
      const addOn = (n: number) => ({ SubscriptionId: subscriptionId(n), AddOnId: 'Extrastorage', AddOnInstanceId: `i-${n}` });
      // Each feed's first page may ask once what it asks only once (MariaDB: a key's collation).
      for (const [feed, entity] of [['subscriptions', subscription], ['subscriptionAddons', addOn]] as const) {
        await statementsFor(feed, 1, 4, entity);
        expect(await statementsFor(feed, 100, 40, entity), feed).to.equal(await statementsFor(feed, 200, 4, entity));
      }
      const rows = await subscriptionRows(world);
      expect(rows.subscriptions).to.have.length(48);
      expect(await server.container.get(Database).sequelize.query('SELECT * FROM subscription_add_ons', { type: QueryTypes.SELECT })).to.have.length(48);
    } finally {
      sinon.restore();
      await server.close();
    }
  });
});
