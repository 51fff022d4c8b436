import { expect } from 'chai';
import { Aggregation } from '../../../core/plugin-api';
import { foldUsage } from '../../../core/usage/metering/aggregation/aggregate-usage';
import { toStoredPartial } from '../../../core/usage/metering/aggregation/stored-partial';
import { millisecondsInside } from '../../../core/usage/metering/aggregation/period';
import { addResourceToSlot, addSlot, addToSlot, copySlot, exactSlotJson, exactSlotOfStored, exactSlotPartial, scaledQuantity, scaledText, storedOf, type ExactSlot } from '../../../core/usage/store/exact-slot';
import { period, usage } from './usage-rows';

describe('exact slots of a roll-up', () => {
  it('reads quantities in units of 10^-12, and leaves out what decimals must fold', () => {
    expect(scaledQuantity('0.75')).to.equal(750_000_000_000n);
    expect(scaledQuantity('12')).to.equal(12_000_000_000_000n);
    expect(scaledQuantity('0.000000000001')).to.equal(1n);
    // 10^15 and more, exponents and signs are folded with decimals
    for (const text of ['1000000000000000', '1e3', '-1', '0.0000000000001']) expect(scaledQuantity(text), text).to.equal(undefined);
  });

  it('writes numbers as Decimal#toString does', () => {
    expect([0n, 1n, 750_000_000_000n, 2_700_000_000_000_000_000n, 12_345_000_000_000n].map(scaledText))
      .to.deep.equal(['0', '0.000000000001', '0.75', '2700000', '12.345']);
  });

  // A row across an hour edge, a row inside, and a reading of no length on the edge.
  const hour = period('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z');
  const rows = [
    usage('2025-03-10T09:30:00Z', '2025-03-10T10:45:00Z', '2.5'),
    usage('2025-03-10T10:15:00Z', '2025-03-10T10:30:00Z', '0.333333333333'),
    usage('2025-03-10T10:00:00Z', '2025-03-10T10:00:00Z', '7'),
  ];
  for (const aggregation of [Aggregation.Sum, Aggregation.TimeWeighted, Aggregation.Max] as const) {
    it(`holds what folding the rows of a ${aggregation} meter with decimals holds, and stores it the same`, () => {
      let slot: ExactSlot | undefined;
      for (const row of rows) {
        const length = row.end.getTime() - row.start.getTime();
        slot = addToSlot(slot, aggregation, scaledQuantity(row.quantity.toString())!, length, millisecondsInside(row, hour));
      }
      const folded = toStoredPartial(foldUsage(aggregation, rows, hour));
      expect(toStoredPartial(exactSlotPartial(slot!))).to.deep.equal(folded);
      expect(exactSlotJson(slot!)).to.equal(JSON.stringify(folded));
    });
  }

  it('holds the resources of a unique-count meter as folding the rows does, and stores them sorted', () => {
    const readings = [
      usage('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', '1', { resourceId: 'vm-b' }),
      usage('2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z', '1', { resourceId: 'vm-a' }),
      usage('2025-03-10T10:30:00Z', '2025-03-10T10:30:00Z', '1', { resourceId: null }),
      usage('2025-03-10T10:15:00Z', '2025-03-10T10:45:00Z', '1', { resourceId: 'vm-b' }),
    ];
    let slot: ExactSlot | undefined;
    for (const row of readings) slot = addResourceToSlot(slot, row.resourceId);
    const folded = toStoredPartial(foldUsage(Aggregation.UniqueCount, readings, hour));
    expect(folded).to.deep.equal({ aggregation: 'unique-count', resources: ['', 'vm-a', 'vm-b'] });
    expect(toStoredPartial(exactSlotPartial(slot!))).to.deep.equal(folded);
    expect(exactSlotJson(slot!)).to.equal(JSON.stringify(folded));
    expect(storedOf(slot!)).to.deep.equal(folded);

    // A stored partial read back and combined in place with another hour's, whose set is left alone.
    const stored = exactSlotOfStored(folded)!;
    const other = addResourceToSlot(undefined, 'vm-c');
    addSlot(stored, other);
    expect(storedOf(stored)).to.deep.equal({ aggregation: 'unique-count', resources: ['', 'vm-a', 'vm-b', 'vm-c'] });
    expect(storedOf(other)).to.deep.equal({ aggregation: 'unique-count', resources: ['vm-c'] });
    const copy = copySlot(other);
    addSlot(copy, stored);
    expect(storedOf(other)).to.deep.equal({ aggregation: 'unique-count', resources: ['vm-c'] });
  });
});
