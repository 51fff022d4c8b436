import { expect } from 'chai';
import * as sinon from 'sinon';
import { Aggregation, MeteringStatus, type MeterPlugin, type MeteringResult, type WapUsageRecord } from '../../../core/plugin-api';
import { MeterUsageRecord } from '../../../core/usage/metering/meter-usage-record';

/** A plugin for one provider that answers what `answer` says; it declares `meterIds`. */
function fakePlugin(id: string, provider: string, answer: (r: WapUsageRecord) => MeteringResult, meterIds = ['fake.hours']): MeterPlugin {
  return {
    id,
    meters: () => meterIds.map(m => ({ id: m, displayName: m, unit: 'hour', aggregation: Aggregation.Sum })),
    meter: r => (r.providerName === provider ? answer(r) : { status: MeteringStatus.NotApplicable }),
  };
}

const metered = (...quantities: { meterId: string; quantity: string; resourceId?: string }[]): MeteringResult =>
  ({ status: MeteringStatus.Metered, quantities });

function record(overrides: Partial<WapUsageRecord> = {}): WapUsageRecord {
  return {
    eventId: '9007199254740993', // above Number.MAX_SAFE_INTEGER: must stay a string
    externalRecordId: 'x-1',
    resourceId: 'vm-1',
    startTime: new Date('2025-03-10T10:00:00Z'),
    endTime: new Date('2025-03-10T11:00:00Z'),
    providerName: 'fake',
    serviceType: 'Default',
    subscriptionId: 'sub-1',
    properties: null,
    resources: { Hours: '1' },
    ...overrides,
  };
}

describe('metering a WAP usage record', () => {
  it('turns the quantities of the claiming plugin into metered usage linked to the record', () => {
    const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered({ meterId: 'fake.hours', quantity: '0.75' }))]);
    const outcome = meter.meter(record());
    expect(outcome.ok).to.equal(true);
    if (!outcome.ok) return;
    expect(outcome.pluginId).to.equal('p');
    expect(outcome.usage).to.have.length(1);
    const [u] = outcome.usage;
    expect({ ...u, quantity: u.quantity.toString() }).to.deep.equal({
      subscriptionId: 'sub-1', meterId: 'fake.hours', resourceId: 'vm-1',
      start: new Date('2025-03-10T10:00:00Z'), end: new Date('2025-03-10T11:00:00Z'),
      quantity: '0.75', quantityText: '0.75', eventId: '9007199254740993',
      // as the plugin declares the meter, kept so that the usage rolls up even after the plugin is disabled
      aggregation: 'sum',
    });
  });

  it("uses the plugin's resource id when it names one", () => {
    const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered({ meterId: 'fake.hours', quantity: '1', resourceId: 'disk-2' }))]);
    const outcome = meter.meter(record());
    expect(outcome.ok && outcome.usage[0].resourceId).to.equal('disk-2');
  });

  it('offers the record to the next plugin when the first is not applicable, and stops at the one that claims it', () => {
    const third = fakePlugin('third', 'fake', () => metered());
    const spy = sinon.spy(third, 'meter');
    const meter = new MeterUsageRecord([
      fakePlugin('first', 'other', () => metered()),
      fakePlugin('second', 'fake', () => metered({ meterId: 'fake.hours', quantity: '2' })),
      third,
    ]);
    const outcome = meter.meter(record());
    expect(outcome.ok && outcome.pluginId).to.equal('second');
    expect(spy.called).to.equal(false);
  });

  it('meters a record that carries nothing billable into no usage, without quarantine', () => {
    const outcome = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered())]).meter(record());
    expect(outcome).to.deep.equal({ ok: true, pluginId: 'p', usage: [] });
  });

  it('reads the meters of each plugin once, not per record', () => {
    const plugin = fakePlugin('p', 'fake', () => metered({ meterId: 'fake.hours', quantity: '1' }));
    const spy = sinon.spy(plugin, 'meters');
    const meter = new MeterUsageRecord([plugin]);
    meter.meter(record());
    meter.meter(record());
    expect(spy.callCount).to.equal(1);
  });

  describe('quarantines', () => {
    it('a record of a provider no plugin claims, naming the provider', () => {
      const outcome = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered())]).meter(record({ providerName: 'servicebus' }));
      expect(outcome).to.deep.include({ ok: false, reason: 'unclaimed' });
      expect(!outcome.ok && outcome.message).to.contain('"servicebus"');
    });

    it('a record the claiming plugin calls invalid, with its reason', () => {
      const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => ({ status: MeteringStatus.Invalid, reason: 'Resources.Hours is not a decimal number: "x"' }))]);
      expect(meter.meter(record())).to.deep.equal({ ok: false, reason: 'invalid', pluginId: 'p', message: 'Resources.Hours is not a decimal number: "x"' });
    });

    it('a record for which a plugin returns a meter it did not declare', () => {
      const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered({ meterId: 'fake.secret', quantity: '1' }))]);
      const outcome = meter.meter(record());
      expect(outcome).to.deep.include({ ok: false, reason: 'undeclared_meter', pluginId: 'p' });
      expect(!outcome.ok && outcome.message).to.contain('fake.secret');
    });

    for (const quantity of ['1,5', 'NaN', 'Infinity', '', '0x10', '2 GB']) {
      it(`a quantity of ${JSON.stringify(quantity)}, which is not a decimal`, () => {
        const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered({ meterId: 'fake.hours', quantity }))]);
        expect(meter.meter(record())).to.deep.include({ ok: false, reason: 'not_a_decimal', pluginId: 'p' });
      });
    }

    it('a quantity below zero', () => {
      const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered({ meterId: 'fake.hours', quantity: '-0.5' }))]);
      expect(meter.meter(record())).to.deep.include({ ok: false, reason: 'negative_quantity' });
    });

    it('a record that ends before it starts, without asking any plugin', () => {
      const plugin = fakePlugin('p', 'fake', () => metered());
      const spy = sinon.spy(plugin, 'meter');
      const outcome = new MeterUsageRecord([plugin]).meter(record({ endTime: new Date('2025-03-10T09:59:59Z') }));
      expect(outcome).to.deep.include({ ok: false, reason: 'bad_interval' });
      expect(spy.called).to.equal(false);
    });

    it('a record with a time that is not a date', () => {
      const outcome = new MeterUsageRecord([]).meter(record({ startTime: new Date('not a date') }));
      expect(outcome).to.deep.include({ ok: false, reason: 'bad_interval' });
    });

    it('a record whose plugin throws, keeping the error message', () => {
      const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => { throw new Error('division by zero'); })]);
      const outcome = meter.meter(record());
      expect(outcome).to.deep.include({ ok: false, reason: 'plugin_failed', pluginId: 'p' });
      expect(!outcome.ok && outcome.message).to.contain('division by zero');
    });

    it('a record whose plugin answers something that is not a metering result', () => {
      const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => ({ status: 'ok' }) as unknown as MeteringResult)]);
      expect(meter.meter(record())).to.deep.include({ ok: false, reason: 'plugin_failed' });
    });
  });

  it('accepts a zero-length record (a reading at one instant)', () => {
    const at = new Date('2025-03-10T10:00:00Z');
    const meter = new MeterUsageRecord([fakePlugin('p', 'fake', () => metered({ meterId: 'fake.hours', quantity: '3' }))]);
    expect(meter.meter(record({ startTime: at, endTime: at })).ok).to.equal(true);
  });
});
