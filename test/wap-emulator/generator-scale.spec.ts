import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { GeneratedUsage } from '../../wap-emulator/generator/generated-usage';
import { resolveGeneratorOptions } from '../../wap-emulator/generator/resolve-generator-options';
import type { UsageRecord } from '../../wap-emulator/contract/wap-types';
import { WapEmulator } from '../../wap-emulator/wap-emulator';
import { EmulatorClient } from './emulator-client';

describe('WAP emulator: generated usage at scale', () => {
  // 50 tenants × 4 resources over 4 providers: 100 hourly, 100 daily → 2,500 records a day; 40 days = 100,000.
  const generator = { seed: 'scale', tenants: 50, resourcesPerTenant: 4, days: 40, start: '2024-01-01' };

  it('serves 100,000 records page by page, contiguous, keeping only a digest of what it read', async () => {
    const emulator = new WapEmulator({ adminPort: 0, usagePort: 0, generator });
    await emulator.start();
    try {
      expect(emulator.usage.lastEventId).to.equal(100_000);
      const client = new EmulatorClient(emulator);
      const digest = createHash('sha256');
      let expectedId = 1;
      for (let startId = 1; ;) {
        const page = await client.feed<UsageRecord>('/usage', startId, 1000);
        if (page.length === 0) break;
        for (const record of page) {
          expect(record.EventId).to.equal(expectedId++);
          digest.update(JSON.stringify(record));
        }
        startId = page[page.length - 1].EventId + 1;
      }
      expect(expectedId - 1).to.equal(100_000);
      // The same pure function, called directly, gives the same stream: nothing depended on paging.
      const direct = new GeneratedUsage(resolveGeneratorOptions(generator), emulator.generatedSubscriptionIds);
      const again = createHash('sha256');
      for (let i = 0; i < direct.count; i++) again.update(JSON.stringify(direct.recordAt(i)));
      expect(again.digest('hex')).to.equal(digest.digest('hex'));
    } finally {
      await emulator.stop();
    }
  });

  it('computes any record from its index alone, far into a long stream', () => {
    // 5,000 tenants × 10 resources × 365 days is about 300 million records: only the resources are held.
    const huge = resolveGeneratorOptions({ seed: 1, tenants: 5000, resourcesPerTenant: 10, days: 365, start: '2023-01-01' });
    const usage = new GeneratedUsage(huge, Array.from({ length: huge.tenants }, (_, t) => `sub-${t}`));
    const last = usage.recordAt(usage.count - 1);
    expect(last.EventId).to.equal(usage.count);
    expect(last.EndTime).to.equal('2024-01-01T00:00:00');
    expect(usage.recordAt(123_456_789)).to.deep.equal(usage.recordAt(123_456_789));
  });
});
