import { expect } from 'chai';
import { Aggregation, MeteringStatus, type WapUsageRecord } from '../../../core/plugin-api';
import { createDeclarativeMeterPlugin, type DeclarativeMeterPlugin } from '../../../core/usage/metering/declarative-meter-plugin';
import { MeterUsageRecord } from '../../../core/usage/metering/meter-usage-record';
import { aggregateUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { quantitiesOf } from '../../plugins/meters/plugin-harness';
import { serviceBusDocument } from './declarative-fixtures';
import { MARCH_2025 } from './usage-rows';

function pluginOf(document: unknown): DeclarativeMeterPlugin {
  const result = createDeclarativeMeterPlugin(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function serviceBusRecord(resources: Record<string, string>, serviceType = 'Queues'): WapUsageRecord {
  return {
    eventId: '77', externalRecordId: null, resourceId: 'ns-contoso', providerName: 'servicebus', serviceType,
    startTime: new Date('2025-03-10T10:00:00Z'), endTime: new Date('2025-03-10T10:45:00Z'),
    subscriptionId: 'sub-1', properties: null, resources,
  };
}

describe('a declarative meter plugin', () => {
  it('declares the meters of its document under the document id', () => {
    const plugin = pluginOf(serviceBusDocument());
    expect(plugin.id).to.equal('meter.servicebus');
    expect(plugin.meters()).to.deep.equal([
      { id: 'servicebus.messages', displayName: 'Messages', unit: 'message', aggregation: 'sum' },
      { id: 'servicebus.storage', displayName: 'Queue storage', unit: 'GB-hour', aggregation: 'time-weighted' },
    ]);
  });

  it('reads each Resources key and divides by the divisor exactly', () => {
    // 1536 MB ÷ 1024 = 1.5 GB
    const result = pluginOf(serviceBusDocument()).meter(serviceBusRecord({ MessageCount: '120000', StorageMB: '1536' }));
    expect(quantitiesOf(result)).to.deep.equal({ 'servicebus.messages': '120000', 'servicebus.storage': '1.5' });
  });

  it('multiplies before it divides', () => {
    const document = serviceBusDocument();
    Object.assign(document.meters[0], { multiplier: '0.001', divisor: '4' });
    // 120000 × 0.001 ÷ 4 = 30
    expect(quantitiesOf(pluginOf(document).meter(serviceBusRecord({ MessageCount: '120000' })))).to.deep.equal({ 'servicebus.messages': '30' });
  });

  it('rounds a division that does not terminate at 40 significant digits', () => {
    const document = serviceBusDocument();
    document.meters[0].divisor = '3';
    // 2 ÷ 3 = 0.666…7
    expect(quantitiesOf(pluginOf(document).meter(serviceBusRecord({ MessageCount: '2' })))['servicebus.messages']).to.equal('0.' + '6'.repeat(39) + '7');
  });

  it('meters a serviceType-bound meter only for records of that service type', () => {
    const result = pluginOf(serviceBusDocument()).meter(serviceBusRecord({ MessageCount: '5', StorageMB: '1024' }, 'Topics'));
    expect(quantitiesOf(result)).to.deep.equal({ 'servicebus.messages': '5' });
  });

  it('matches the provider name without regard to case', () => {
    const record = { ...serviceBusRecord({ MessageCount: '5' }), providerName: 'ServiceBus' };
    expect(quantitiesOf(pluginOf(serviceBusDocument()).meter(record))).to.deep.equal({ 'servicebus.messages': '5' });
  });

  it('yields no quantity for a key the record does not carry', () => {
    expect(quantitiesOf(pluginOf(serviceBusDocument()).meter(serviceBusRecord({})))).to.deep.equal({});
  });

  it('calls a value that is not a decimal number invalid, naming the key', () => {
    const result = pluginOf(serviceBusDocument()).meter(serviceBusRecord({ MessageCount: 'many' }));
    expect(result).to.deep.equal({ status: MeteringStatus.Invalid, reason: 'Resources.MessageCount is not a decimal number: "many"' });
  });

  it('leaves records of other providers to other plugins', () => {
    const record = { ...serviceBusRecord({ MessageCount: '5' }), providerName: 'webspaces' };
    expect(pluginOf(serviceBusDocument()).meter(record)).to.deep.equal({ status: MeteringStatus.NotApplicable });
  });

  it('is not built from an invalid document, whose errors come back', () => {
    const document = serviceBusDocument();
    document.meters[0].provider = '';
    expect(createDeclarativeMeterPlugin(document)).to.deep.equal({ ok: false, errors: [{ path: 'meters[0].provider', message: 'must not be empty' }] });
  });

  it('bills 45 minutes of 1536 MB queue storage as 1.125 GB-hours through the core', () => {
    const outcome = new MeterUsageRecord([pluginOf(serviceBusDocument())]).meter(serviceBusRecord({ StorageMB: '1536' }));
    if (!outcome.ok) throw new Error(outcome.message);
    // 1536 MB = 1.5 GB; 45 min = 0.75 h; 1.5 × 0.75 = 1.125
    expect(aggregateUsage(Aggregation.TimeWeighted, outcome.usage, MARCH_2025).toString()).to.equal('1.125');
  });
});
