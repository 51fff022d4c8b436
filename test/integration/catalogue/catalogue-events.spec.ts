import { expect } from 'chai';
import * as sinon from 'sinon';
import { CatalogueQuery } from '../../../core/catalogue/catalogue-query';
import { SequelizeCatalogueUnit } from '../../../core/persistence/stores/sequelize-catalogue-unit';
import type { RunningServer } from '../../../resource-provider/resource-provider-server';
import { startTestServer } from '../../support/test-server';
import { testBackend } from '../../support/test-database';
import { CatalogueWorld, storedInstant, usageEvent } from './catalogue-world';

const SUB = '0A53E53D-1111-4222-8333-944455556666';
const sub = SUB.toLowerCase();
const created = (eventId: number, at: string, extra: Record<string, unknown> = {}) => usageEvent(eventId, 'POST', {
  SubscriptionID: SUB, SubscriptionName: 'Gold', AccountAdminLiveEmailId: 'Owner@Example.COM', State: 1, PlanId: 'Goldplanabcde', ...extra,
}, at);

describe(`applying WAP billing-feed events to the catalogue on ${testBackend()}`, () => {
  let server: RunningServer;
  let world: CatalogueWorld;

  beforeEach(async () => {
    server = await startTestServer();
    world = new CatalogueWorld(server);
  });
  afterEach(async () => {
    await server.close();
  });

  it('creates the subscription under its lower-cased owner with a history row at the event time', async () => {
    await world.ingest('subscriptions', created(1, '2025-03-01T10:00:00.000Z'));
    expect(await world.subscription(sub)).to.deep.equal({ id: sub, accountId: 'owner@example.com', planId: 'Goldplanabcde', name: 'Gold', state: 'active' });
    const history = await world.history(sub);
    expect(history.map((h) => [h.state, h.changedAt.getTime(), h.source])).to.deep.equal([['active', storedInstant('2025-03-01T10:00:00.000Z'), 'wap-billing-feed']]);
  });

  it('changes nothing when the same page is ingested twice', async () => {
    const page = [created(1, '2025-03-01T10:00:00Z'), usageEvent(2, 'PUT', { SubscriptionID: SUB, State: 2 }, '2025-03-02T10:00:00Z')];
    expect(await world.ingest('subscriptions', ...page)).to.deep.equal({ new: 2, duplicate: 0 });
    const before = await world.snapshot();
    expect(await world.ingest('subscriptions', ...page)).to.deep.equal({ new: 0, duplicate: 2 });
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('keeps an event repeated under another feed apart: EventIds are numbered per feed', async () => {
    await world.ingest('plans', usageEvent(1, 'POST', { Id: 'Goldplanabcde', DisplayName: 'Gold', State: 0 }, '2025-03-01T09:00:00Z'));
    await world.ingest('addons', usageEvent(1, 'POST', { Id: 'Extrastorage1', DisplayName: 'Extra Storage', State: 0 }, '2025-03-01T09:00:00Z'));
    const query = server.container.get<CatalogueQuery>(CatalogueQuery);
    expect((await query.plans()).map((p) => p.displayName)).to.deep.equal(['Gold']);
    expect((await query.addOns()).map((a) => a.displayName)).to.deep.equal(['Extra Storage']);
  });

  it('never moves a state back in time when an older event is collected after a newer one', async () => {
    await world.ingest('subscriptions', created(1, '2025-03-01T10:00:00Z'));
    await world.ingest('subscriptions', usageEvent(3, 'PUT', { SubscriptionID: SUB, State: 1, SubscriptionName: 'Gold renamed' }, '2025-03-05T10:00:00Z'));
    // Suspended on the 3rd, enabled again on the 5th; the suspension is collected last.
    await world.ingest('subscriptions', usageEvent(2, 'PATCH', { SubscriptionID: SUB, State: 2, SubscriptionName: 'Gold old name' }, '2025-03-03T10:00:00Z'));
    expect(await world.subscription(sub)).to.include({ state: 'active', name: 'Gold renamed' });
    expect((await world.history(sub)).map((h) => h.state)).to.deep.equal(['active']);
  });

  it('keeps what a PATCH said about a subscription never seen, and writes the history in time order once its POST arrives', async () => {
    await world.ingest('subscriptions', usageEvent(7, 'PATCH', { SubscriptionID: SUB, State: 2 }, '2025-03-04T08:00:00Z'));
    expect(await world.subscription(sub)).to.equal(undefined); // no owner yet: nobody to bill
    await world.ingest('subscriptions', created(3, '2025-03-01T10:00:00Z'));
    expect(await world.subscription(sub)).to.include({ state: 'suspended', accountId: 'owner@example.com', name: 'Gold' });
    expect((await world.history(sub)).map((h) => [h.state, h.changedAt.getTime()])).to.deep.equal([
      ['active', storedInstant('2025-03-01T10:00:00Z')],
      ['suspended', storedInstant('2025-03-04T08:00:00Z')],
    ]);
  });

  it('mirrors a plan first told by a PATCH, and lets its later-collected POST fill only what is still unknown', async () => {
    await world.ingest('plans', usageEvent(2, 'PATCH', { Id: 'Goldplanabcde', State: 1 }, '2025-03-02T00:00:00Z'));
    await world.ingest('plans', usageEvent(1, 'POST', { Id: 'Goldplanabcde', DisplayName: 'Gold', State: 0 }, '2025-03-01T00:00:00Z'));
    const [plan] = await server.container.get<CatalogueQuery>(CatalogueQuery).plans();
    expect(plan).to.include({ id: 'Goldplanabcde', displayName: 'Gold', state: 1 });
    expect(plan.lastEvent.eventId).to.equal('2');
  });

  it('keeps rejected and pending events raw but changes nothing with them', async () => {
    await world.ingest('subscriptions', created(1, '2025-03-01T10:00:00Z'));
    const before = await world.snapshot();
    await world.ingest('subscriptions',
      usageEvent(2, 'PUT', { SubscriptionID: SUB, State: 2 }, '2025-03-02T10:00:00Z', 1), // Rejected: a subscriber vetoed it
      usageEvent(3, 'DELETE', { SubscriptionID: SUB }, '2025-03-03T10:00:00Z', 2)); // PendingApproval: not decided yet
    await world.ingest('subscriptionAddons', usageEvent(1, 'POST', { SubscriptionId: SUB, AddOnId: 'Extrastorage1', AddOnInstanceId: 'i-1' }, '2025-03-02T00:00:00Z', 1));
    await world.ingest('plans', usageEvent(1, 'POST', { Id: 'Goldplanabcde', DisplayName: 'Gold' }, '2025-03-02T00:00:00Z', 2));
    const after = await world.snapshot();
    expect(after.usage_records).to.have.length(before.usage_records.length + 4);
    for (const table of ['plans', 'subscription_add_ons', 'subscriptions', 'subscription_state_changes', 'subscription_feed_marks']) {
      expect(after[table], table).to.deep.equal(before[table]);
    }
    expect(await world.subscription(sub)).to.include({ state: 'active' });
  });

  it('treats a deletion as final: a later suspension of the same id changes nothing', async () => {
    await world.ingest('subscriptions', created(1, '2025-03-01T10:00:00Z'), usageEvent(2, 'DELETE', { SubscriptionID: SUB }, '2025-03-02T10:00:00Z'));
    await world.ingest('subscriptions', usageEvent(3, 'PUT', { SubscriptionID: SUB, State: 2 }, '2025-03-03T10:00:00Z'));
    expect((await world.history(sub)).map((h) => h.state)).to.deep.equal(['active', 'deleted']);
  });

  it('closes a plan link on DELETE and lists only the links in force', async () => {
    await world.ingest('plans', usageEvent(1, 'POST', { Id: 'Goldplanabcde', DisplayName: 'Gold', State: 0 }, '2025-03-01T00:00:00Z'));
    await world.ingest('planServices',
      usageEvent(1, 'POST', { PlanId: 'Goldplanabcde', ServiceName: 'sqlservers', ServiceInstanceId: 'sql-1', ServiceDisplayName: 'SQL' }, '2025-03-01T00:00:00Z'),
      usageEvent(2, 'POST', { PlanId: 'Goldplanabcde', ServiceName: 'mysqlservers', ServiceInstanceId: 'mysql-1', ServiceDisplayName: 'MySQL' }, '2025-03-01T00:00:00Z'),
      usageEvent(3, 'DELETE', { PlanId: 'Goldplanabcde', ServiceName: 'sqlservers', ServiceInstanceId: 'sql-1' }, '2025-03-02T00:00:00Z'));
    await world.ingest('planAddons', usageEvent(1, 'POST', { PlanId: 'Goldplanabcde', AddOnId: 'Extrastorage1' }, '2025-03-01T00:00:00Z'));
    const [plan] = await server.container.get<CatalogueQuery>(CatalogueQuery).plans();
    expect(plan.services.map((s) => s.serviceInstanceId)).to.deep.equal(['mysql-1']);
    expect(plan.addOnIds).to.deep.equal(['Extrastorage1']);
  });

  it('commits nothing of a page whose mirror write fails: no raw record, no watermark move', async () => {
    await world.ingest('subscriptions', created(1, '2025-03-01T10:00:00Z'));
    const before = await world.snapshot();
    const save = sinon.stub(SequelizeCatalogueUnit.prototype, 'saveSubscriptionMark').rejects(new Error('database went away'));
    try {
      await world.ingest('subscriptions', usageEvent(2, 'PUT', { SubscriptionID: SUB, State: 2 }, '2025-03-02T10:00:00Z'))
        .then(() => expect.fail('the page must fail'), (error: Error) => expect(error.message).to.equal('database went away'));
    } finally {
      save.restore();
    }
    expect(await world.snapshot()).to.deep.equal(before);
    await world.ingest('subscriptions', usageEvent(2, 'PUT', { SubscriptionID: SUB, State: 2 }, '2025-03-02T10:00:00Z'));
    expect(await world.subscription(sub)).to.include({ state: 'suspended' });
  });
});
