import { expect } from 'chai';
import type { LeaseStore } from '../../../core/leases/lease-store';
import { ManualClock } from '../../../core/time/clock';
import type { FeedPage, FeedSink } from '../../../core/usage/collection/feed-sink';
import type { FeedStatusStore } from '../../../core/usage/collection/feed-status-store';
import { CollectFeeds } from '../../../resource-provider/collector/collect-feeds';
import type { UsageFeedReader } from '../../../resource-provider/wap/usage-service-client';
import { silentLogger } from '../../support/silent-logger';

const MINUTE = 60_000;

/** A usage feed of `pages` pages of one record each, where storing a page takes `storing` ms of the clock. */
function world(pages: number, storing: number) {
  const clock = new ManualClock('2025-03-01T00:00:00Z');
  const stored: number[] = [];
  const renewals: number[] = [];
  let takenBy: string | undefined;
  const reader: UsageFeedReader = {
    page: async (_feed, startId) => ({ records: Number(startId) > pages ? [] : [{ EventId: Number(startId) }] }),
  };
  const sink: FeedSink = {
    feeds: ['usage'],
    watermark: async () => '1',
    async ingest(_feed, page: FeedPage) {
      stored.push((page.records[0] as { EventId: number }).EventId);
      clock.advance(storing);
      return { new: 1, duplicate: 0 };
    },
  };
  const leases: LeaseStore = {
    async tryAcquire(_name, holder) {
      renewals.push(clock.now().getTime() - Date.parse('2025-03-01T00:00:00Z'));
      return takenBy === undefined || takenBy === holder;
    },
    release: async () => undefined,
  };
  const status = { recordSuccess: async () => undefined, recordFailure: async () => undefined } as unknown as FeedStatusStore;
  const collector = new CollectFeeds(reader, [sink], leases, status, { batchSize: 1, leaseTtlMs: MINUTE, instanceId: 'rp-a', intervalMs: MINUTE }, clock, silentLogger, { rescan: async () => ({ enabled: 0, disabled: 0, failed: 0 }) });
  return { collector, stored, renewals, takeLease: (holder: string) => (takenBy = holder) };
}

describe('collector lease', () => {
  it('is renewed once a quarter of its time has passed, not after every page', async () => {
    const { collector, stored, renewals } = world(10, 5_000);
    const report = await collector.collect();
    expect(report.status).to.equal('collected');
    expect(stored).to.have.length(10);
    // Taken at 0 s; pages end at 5, 10, 15 … 50 s: renewed at 15, 30 and 45 s.
    expect(renewals).to.deep.equal([0, 15_000, 30_000, 45_000]);
  });

  it('stops the drain when a renewal finds the lease taken by another instance', async () => {
    const { collector, stored, takeLease } = world(10, 5_000);
    const drained = collector.collect();
    // Another instance takes over (this one stalled past the expiry, say) before the first renewal.
    takeLease('rp-b');
    const report = await drained;
    expect(report.status === 'collected' && report.feeds[0].error).to.equal('the collector lease was lost to another instance');
    // Page 3 ends at 15 s, where the renewal fails: nothing after it is stored.
    expect(stored).to.deep.equal([1, 2, 3]);
  });
});
