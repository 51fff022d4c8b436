import { expect } from 'chai';
import { Aggregation, MeteringStatus, type MeterPlugin } from '@wap-billing/plugin-api';
import { activateMeterPlugin, quantitiesOf, wapRecord } from './plugin-harness';


describe('web-sites meter plugin', () => {
  let plugin: MeterPlugin;
  beforeEach(async () => { plugin = await activateMeterPlugin('web-sites'); });

  const siteHour = (resources: Record<string, string>) => wapRecord({ providerName: 'webspaces', resourceId: 'contoso-shop', resources });

  it('meters CPU time in seconds, bandwidth in GB and requests, ignoring the status-code counters', () => {
    const result = plugin.meter(siteHour({
      CpuTime: '1500', BytesSent: '1073741824', BytesReceived: '536870912', Requests: '1200', Http2xx: '1100', Http4xx: '100',
    }));
    // 1500 ms = 1.5 s; 2^30 bytes = 1 GB; 2^29 bytes = 0.5 GB
    expect(quantitiesOf(result)).to.deep.equal({
      'websites.cpu-time': '1.5', 'websites.data-out': '1', 'websites.data-in': '0.5', 'websites.requests': '1200',
    });
  });

  it('keeps bandwidth below a GB exact', () => {
    // 1 000 000 ÷ 1 073 741 824 = 0.000931322574615478515625 exactly (2^30 divides 10^30)
    expect(quantitiesOf(plugin.meter(siteHour({ BytesSent: '1000000' })))['websites.data-out']).to.equal('0.000931322574615478515625');
  });

  it('keeps every digit of a hundred terabytes, and of a fraction of a millisecond of CPU', () => {
    // 123 456 789 012 345 ÷ 2^30 and 2500.5 ms ÷ 1000, worked out exactly by hand (Python's decimal, 60 digits)
    expect(quantitiesOf(plugin.meter(siteHour({ BytesSent: '123456789012345', CpuTime: '2500.5' })))).to.include({
      'websites.data-out': '114978.094596737064421176910400390625', 'websites.cpu-time': '2.5005',
    });
  });

  it('reads CpuTime as seconds when the admin says WAP reports seconds', async () => {
    const inSeconds = await activateMeterPlugin('web-sites', { cpuTimeReportedIn: 'seconds' });
    expect(quantitiesOf(inSeconds.meter(siteHour({ CpuTime: '42.5' })))).to.deep.equal({ 'websites.cpu-time': '42.5' });
  });

  it('sums every meter over the period', () => {
    expect(plugin.meters().every(m => m.aggregation === Aggregation.Sum)).to.equal(true);
  });

  it('refuses a Requests value that is not a decimal number, naming the key', () => {
    const result = plugin.meter(siteHour({ Requests: '12k' }));
    expect(result.status).to.equal(MeteringStatus.Invalid);
    expect(result.status === MeteringStatus.Invalid && result.reason).to.contain('Requests').and.contain('12k');
  });

  it('leaves records of other providers to other plugins', () => {
    expect(plugin.meter(wapRecord({ providerName: 'systemcenter', resources: { CpuCount: '2' } })).status).to.equal(MeteringStatus.NotApplicable);
  });
});
