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

/** The rows left by `before`, the notification, then `pages`. */
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

describe(`a page of subscription events, read and written a page at a time, on ${testBackend()}`, () => {
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

  it('costs as many statements for forty new subscriptions as for four', async () => {
    const server = await startTestServer();
    try {
      const world = new CatalogueWorld(server);
      const query = sinon.spy(server.container.get(Database).sequelize, 'query');
      const statementsFor = async (first: number, count: number) => {
        query.resetHistory();
        await world.ingest('subscriptions', ...Array.from({ length: count }, (_, i) => usageEvent(first + i, 'POST', {
          SubscriptionID: `0a53e53d-1111-4222-8333-${String(first + i).padStart(12, '0')}`, AccountAdminLiveEmailId: owner(`owner${first + i}`), State: 1, PlanId: 'Goldplan',
        }, '2025-03-01T00:00:00Z')));
        return query.callCount;
      };
      const four = await statementsFor(1, 4);
      expect(await statementsFor(100, 40)).to.equal(four);
      expect((await subscriptionRows(world)).subscriptions).to.have.length(44);
    } finally {
      sinon.restore();
      await server.close();
    }
  });
});
