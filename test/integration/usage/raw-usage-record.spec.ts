import { expect } from 'chai';
import { eventIdOf, parseWapTime, toWapUsageRecord } from '../../../core/usage/store/raw-usage-record';
import { wire } from './usage-world';

describe('reading a WAP wire record', () => {
  it('reads a time without a zone as UTC, whatever the machine\'s zone', () => {
    expect(parseWapTime('2013-07-31T17:15:49').toISOString()).to.equal('2013-07-31T17:15:49.000Z');
  });

  it('reads a trailing Z, an offset, and .NET\'s seven fractional digits', () => {
    expect(parseWapTime('2013-07-31T17:15:49Z').toISOString()).to.equal('2013-07-31T17:15:49.000Z');
    expect(parseWapTime('2013-07-31T17:15:49.1234567').toISOString()).to.equal('2013-07-31T17:15:49.123Z');
    expect(parseWapTime('2013-07-31T17:15:49.5z').toISOString()).to.equal('2013-07-31T17:15:49.500Z');
    expect(parseWapTime('2013-07-31T19:15:49+02:00').toISOString()).to.equal('2013-07-31T17:15:49.000Z');
  });

  it('turns an unreadable time into an Invalid Date, for metering to quarantine', () => {
    for (const text of ['yesterday', '', '31/07/2013 17:15', null]) expect(parseWapTime(text).getTime()).to.be.NaN;
  });

  it('keeps EventId as a canonical decimal string, also beyond JavaScript\'s safe integers', () => {
    expect(eventIdOf(wire(42))).to.equal('42');
    expect(eventIdOf(wire(0, { EventId: '9223372036854775807' }))).to.equal('9223372036854775807');
    expect(eventIdOf(wire(0, { EventId: '007' }))).to.equal('7');
    for (const bad of [-1, 1.5, 'abc', '']) expect(eventIdOf(wire(0, { EventId: bad }))).to.equal(undefined);
  });

  it('maps PascalCase fields to the plugin API\'s record', () => {
    const record = toWapUsageRecord(wire(7, { ResourceId: null, ServiceType: undefined }), '7');
    expect(record).to.deep.equal({
      eventId: '7',
      externalRecordId: '7',
      resourceId: null,
      startTime: new Date('2025-03-10T10:00:00Z'),
      endTime: new Date('2025-03-10T11:00:00Z'),
      providerName: 'mysqlservers',
      serviceType: null,
      subscriptionId: 'a7319215-3f8c-4c2e-9c44-0d3b1e1f8a10',
      properties: null,
      resources: { TotalAllottedSpace: '1024', DatabaseCount: '1' },
    });
  });
});
