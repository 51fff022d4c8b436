import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import { meteredColumn, meteredColumns, meteredUsageOf, parseMetered } from '../../../core/usage/store/metered-column';
import { usage } from './usage-rows';

describe('the metered column of a stored record', () => {
  const vm = 'b22377a5-2ccc-4a27-95e5-e18fe31fe8e2';
  const hours = { ...usage('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', '0.75', { resourceId: vm, eventId: '7' }), meterId: 'vm.runtime-hours', aggregation: Aggregation.Sum };
  const cores = { ...hours, meterId: 'vm.core-hours', quantity: hours.quantity.plus(7.25), aggregation: Aggregation.TimeWeighted };
  // A plugin may bill a record's quantity to another resource than the record's own (a disk of the VM).
  const disk = { ...hours, meterId: 'vm.disk-gb-hours', resourceId: 'disk-2', aggregation: Aggregation.TimeWeighted };

  it('names the resource only where the usage is not of the record\'s own', () => {
    const column = meteredColumn([hours, cores, disk], vm);
    expect(column).to.equal('[2,["vm.runtime-hours","0.75","sum"],["vm.core-hours","8","time-weighted"],["vm.disk-gb-hours","0.75","time-weighted","disk-2"]]');
    expect(parseMetered(column, vm)).to.deep.equal([
      ['vm.runtime-hours', vm, '0.75', 'sum'], ['vm.core-hours', vm, '8', 'time-weighted'], ['vm.disk-gb-hours', 'disk-2', '0.75', 'time-weighted'],
    ]);
  });

  it('names every resource when the record\'s own is not known, and keeps a record without a resource apart', () => {
    expect(meteredColumns([hours, disk]).get('7')).to.equal('[2,["vm.runtime-hours","0.75","sum","' + vm + '"],["vm.disk-gb-hours","0.75","time-weighted","disk-2"]]');
    const noResource = { ...hours, resourceId: null };
    expect(parseMetered(meteredColumn([noResource], vm), vm)).to.deep.equal([['vm.runtime-hours', null, '0.75', 'sum']]);
    expect(parseMetered(meteredColumn([noResource], null), null)).to.deep.equal([['vm.runtime-hours', null, '0.75', 'sum']]);
  });

  it('is the JSON of its entries whatever the ids, quantities and aggregations hold', () => {
    const odd = [
      { ...hours, meterId: 'custom."quoted"\\meter', resourceId: 'site \u00e9\n2', quantityText: '1.5e+3' },
      { ...hours, meterId: 'vm.core-hours', quantityText: 'not "plain"' },
      { ...hours, meterId: 'old.meter', aggregation: undefined, resourceId: null },
    ];
    expect(meteredColumn(odd, vm)).to.equal(JSON.stringify([
      2, ['custom."quoted"\\meter', '1.5e+3', 'sum', 'site \u00e9\n2'], ['vm.core-hours', 'not "plain"', 'sum'], ['old.meter', '0.75', null, null],
    ]));
  });

  it('is [] for a record metered without quantities, and reads nothing from a quarantined one', () => {
    expect(meteredColumn([], vm)).to.equal('[]');
    expect(parseMetered('[]', vm)).to.deep.equal([]);
    expect(parseMetered(null, vm)).to.deep.equal([]);
  });

  it('reads the columns written before, with and without aggregations', () => {
    expect(parseMetered(`[["vm.runtime-hours","${vm}","0.75","sum"],["vm.count",null,"1","unique-count"]]`, 'other')).to.deep.equal([
      ['vm.runtime-hours', vm, '0.75', 'sum'], ['vm.count', null, '1', 'unique-count'],
    ]);
    expect(parseMetered(`[["vm.runtime-hours","${vm}","0.75"]]`, vm)).to.deep.equal([['vm.runtime-hours', vm, '0.75']]);
  });

  it('gives back the usage it was written from', () => {
    const read = meteredUsageOf({ eventId: '7', subscriptionId: hours.subscriptionId, start: hours.start, end: hours.end, resourceId: vm, metered: meteredColumn([hours, cores, disk], vm) });
    expect(read.map((u) => ({ ...u, quantity: u.quantity.toString() }))).to.deep.equal([hours, cores, disk].map((u) => ({ ...u, quantity: u.quantity.toString(), quantityText: u.quantity.toString() })));
  });
});
