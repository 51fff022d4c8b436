import { expect } from 'chai';
import { Aggregation, MeteringStatus, type MeterPlugin } from '@wap-billing/plugin-api';
import { MeterUsageRecord } from '../../../core/usage/metering/meter-usage-record';
import { aggregateUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { activateMeterPlugin, quantitiesOf, wapRecord } from './plugin-harness';


describe('vm-clouds meter plugin', () => {
  let plugin: MeterPlugin;
  beforeEach(async () => { plugin = await activateMeterPlugin('vm-clouds'); });

  const hourOfVm = (resources: Record<string, string>) => wapRecord({
    providerName: 'systemcenter', serviceType: 'VirtualMachine', resourceId: 'vm-7f3a', resources,
  });

  it('meters an hourly VM record into runtime, cores, memory in GB, disk and the VM itself', () => {
    const result = plugin.meter(hourOfVm({ VmRuntimeHours: '1', CpuCount: '2', MemoryMB: '3584', DiskGB: '127' }));
    // 3584 MB ÷ 1024 = 3.5 GB
    expect(quantitiesOf(result)).to.deep.equal({
      'vm.runtime-hours': '1', 'vm.core-hours': '2', 'vm.memory-gb-hours': '3.5', 'vm.disk-gb-hours': '127', 'vm.count': '1',
    });
  });

  it('converts memory from MB to GB by exact division by 1024', () => {
    // 1000 ÷ 1024 = 0.9765625 exactly (1024 = 2^10, so the quotient terminates)
    expect(quantitiesOf(plugin.meter(hourOfVm({ MemoryMB: '1000' })))['vm.memory-gb-hours']).to.equal('0.9765625');
  });

  it('bills levels held over time and runtime as a sum', () => {
    const aggregations = Object.fromEntries(plugin.meters().map(m => [m.id, m.aggregation]));
    expect(aggregations).to.deep.equal({
      'vm.runtime-hours': Aggregation.Sum, 'vm.core-hours': Aggregation.TimeWeighted, 'vm.memory-gb-hours': Aggregation.TimeWeighted,
      'vm.disk-gb-hours': Aggregation.TimeWeighted, 'vm.count': Aggregation.UniqueCount,
    });
  });

  it('reads the Resources keys an admin configured instead of the defaults', async () => {
    const configured = await activateMeterPlugin('vm-clouds', { cpuCountKey: 'VirtualCpus', memoryMbKey: 'RamMB' });
    const result = configured.meter(hourOfVm({ VirtualCpus: '4', RamMB: '2048', CpuCount: '99' }));
    expect(quantitiesOf(result)).to.deep.equal({ 'vm.core-hours': '4', 'vm.memory-gb-hours': '2', 'vm.count': '1' });
  });

  it('yields no quantity for a key the record does not carry', () => {
    expect(quantitiesOf(plugin.meter(hourOfVm({ VmRuntimeHours: '0.5' })))).to.deep.equal({ 'vm.runtime-hours': '0.5', 'vm.count': '1' });
  });

  it('does not count a VM when the record names none', () => {
    const result = plugin.meter(wapRecord({ providerName: 'systemcenter', resources: { VmRuntimeHours: '1' } }));
    expect(quantitiesOf(result)).to.deep.equal({ 'vm.runtime-hours': '1' });
  });

  it('refuses a value that is not a decimal number, naming the key', () => {
    const result = plugin.meter(hourOfVm({ VmRuntimeHours: '1', CpuCount: 'two' }));
    expect(result.status).to.equal(MeteringStatus.Invalid);
    expect(result.status === MeteringStatus.Invalid && result.reason).to.contain('CpuCount').and.contain('"two"');
  });

  it('leaves records of other providers to other plugins', () => {
    const result = plugin.meter(wapRecord({ providerName: 'mysqlservers', resources: { TotalAllottedSpace: '1024' } }));
    expect(result).to.deep.equal({ status: MeteringStatus.NotApplicable });
  });

  it('bills 45 minutes of a 2048 MB VM as 1.5 GB-hours once metered and aggregated', () => {
    const record = wapRecord({
      providerName: 'systemcenter', resourceId: 'vm-7f3a', resources: { MemoryMB: '2048' },
      startTime: new Date('2025-03-10T10:00:00Z'), endTime: new Date('2025-03-10T10:45:00Z'),
    });
    const outcome = new MeterUsageRecord([plugin]).meter(record);
    if (!outcome.ok) throw new Error(outcome.message);
    const memory = outcome.usage.filter(u => u.meterId === 'vm.memory-gb-hours');
    // 2048 MB = 2 GB; 45 min = 0.75 h; 2 × 0.75 = 1.5
    const total = aggregateUsage(Aggregation.TimeWeighted, memory, { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00Z') });
    expect(total.toString()).to.equal('1.5');
  });
});
