import { expect } from 'chai';
import { Aggregation, MeteringStatus, type MeterPlugin } from '@wap-billing/plugin-api';
import { activateMeterPlugin, quantitiesOf, wapRecord } from './plugin-harness';


describe('sql-databases meter plugin', () => {
  let plugin: MeterPlugin;
  beforeEach(async () => { plugin = await activateMeterPlugin('sql-databases'); });

  it("meters the MySQL record of WAP's documentation: 1024 MB allotted is 1 GB, one database", () => {
    const record = wapRecord({
      eventId: '1', externalRecordId: '1', resourceId: null, providerName: 'mysqlservers', serviceType: 'Default',
      startTime: new Date('2013-07-31T17:15:49Z'), endTime: new Date('2013-07-31T17:17:42Z'),
      resources: { TotalAllottedSpace: '1024', DatabaseCount: '1' },
    });
    expect(quantitiesOf(plugin.meter(record))).to.deep.equal({ 'mysql.allotted-space': '1', 'mysql.databases': '1' });
  });

  it('meters SQL Server records under their own meters so that each engine has its own price', () => {
    const record = wapRecord({ providerName: 'sqlservers', resources: { TotalAllottedSpace: '5120', DatabaseCount: '3' } });
    // 5120 MB ÷ 1024 = 5 GB
    expect(quantitiesOf(plugin.meter(record))).to.deep.equal({ 'sqlserver.allotted-space': '5', 'sqlserver.databases': '3' });
  });

  it('keeps a fraction of a GB exact', () => {
    const record = wapRecord({ providerName: 'mysqlservers', resources: { TotalAllottedSpace: '100' } });
    // 100 ÷ 1024 = 0.09765625
    expect(quantitiesOf(plugin.meter(record))).to.deep.equal({ 'mysql.allotted-space': '0.09765625' });
  });

  it('bills allotted space in GB-hours held and databases at their peak', () => {
    const byId = Object.fromEntries(plugin.meters().map(m => [m.id, [m.aggregation, m.unit]]));
    expect(byId).to.deep.equal({
      'sqlserver.allotted-space': [Aggregation.TimeWeighted, 'GB-hour'], 'sqlserver.databases': [Aggregation.Max, 'database'],
      'mysql.allotted-space': [Aggregation.TimeWeighted, 'GB-hour'], 'mysql.databases': [Aggregation.Max, 'database'],
    });
  });

  it('refuses a DatabaseCount that is not a decimal number, naming the key', () => {
    const result = plugin.meter(wapRecord({ providerName: 'sqlservers', resources: { TotalAllottedSpace: '1024', DatabaseCount: '' } }));
    expect(result.status).to.equal(MeteringStatus.Invalid);
    expect(result.status === MeteringStatus.Invalid && result.reason).to.contain('DatabaseCount');
  });

  it('leaves an unknown provider to other plugins', () => {
    expect(plugin.meter(wapRecord({ providerName: 'servicebus', resources: { DatabaseCount: '1' } })).status)
      .to.equal(MeteringStatus.NotApplicable);
  });
});
