import { expect } from 'chai';
import { Database } from '../../../core/persistence/database';
import { migrateToLatest } from '../../../core/persistence/migrator';
import { SequelizeLeaseStore } from '../../../core/persistence/stores/sequelize-lease-store';
import { ManualClock } from '../../../core/time/clock';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';

const MINUTE = 60_000;

describe(`leases on ${testBackend()}`, () => {
  let first: Database;
  let second: Database;
  let clock: ManualClock;
  let instanceA: SequelizeLeaseStore;
  let instanceB: SequelizeLeaseStore;

  beforeEach(async () => {
    const url = await freshDatabaseUrl();
    first = new Database({ url });
    await migrateToLatest(first);
    // Two resource-provider instances: two connection pools on one database, as in production.
    second = new Database({ url });
    clock = new ManualClock('2025-03-01T00:00:00Z');
    instanceA = new SequelizeLeaseStore(first, clock);
    instanceB = new SequelizeLeaseStore(second, clock);
  });
  afterEach(async () => {
    await first.close();
    await second.close();
  });

  it('gives the lease to one instance and refuses the other until it expires', async () => {
    expect(await instanceA.tryAcquire('collector', 'rp-a', MINUTE)).to.equal(true);
    expect(await instanceB.tryAcquire('collector', 'rp-b', MINUTE)).to.equal(false);
    clock.advance(MINUTE - 1);
    expect(await instanceB.tryAcquire('collector', 'rp-b', MINUTE)).to.equal(false);
    clock.advance(2); // rp-a died without renewing: its lease ran out 1 ms ago
    expect(await instanceB.tryAcquire('collector', 'rp-b', MINUTE)).to.equal(true);
    expect(await instanceA.tryAcquire('collector', 'rp-a', MINUTE)).to.equal(false);
  });

  it('lets the holder renew, and another take over at once after a release', async () => {
    expect(await instanceA.tryAcquire('collector', 'rp-a', MINUTE)).to.equal(true);
    clock.advance(MINUTE / 2);
    expect(await instanceA.tryAcquire('collector', 'rp-a', MINUTE)).to.equal(true);
    clock.advance(MINUTE * 0.75); // past the first expiry, within the renewed one
    expect(await instanceB.tryAcquire('collector', 'rp-b', MINUTE)).to.equal(false);
    await instanceA.release('collector', 'rp-a');
    expect(await instanceB.tryAcquire('collector', 'rp-b', MINUTE)).to.equal(true);
  });

  it('grants exactly one of many simultaneous contenders', async () => {
    const contenders = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? instanceA : instanceB).tryAcquire('invoice-run', `rp-${i}`, MINUTE));
    const granted = (await Promise.all(contenders)).filter(Boolean);
    expect(granted).to.have.length(1);
  });

  it('keeps leases of different jobs apart', async () => {
    expect(await instanceA.tryAcquire('collector', 'rp-a', MINUTE)).to.equal(true);
    expect(await instanceB.tryAcquire('invoice-run', 'rp-b', MINUTE)).to.equal(true);
  });
});
