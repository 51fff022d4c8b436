import { expect } from 'chai';
import { jsonArrayElements } from '../../../resource-provider/wap/json-array-elements';

describe('the elements of a JSON array, as written', () => {
  const records = [
    { EventId: 1, ResourceId: 'vm-1', Properties: { VmName: 'a "quoted" [name] {x}', Path: 'C:\\vms\\' }, Resources: { CpuCount: '2' } },
    { EventId: 9007199254740993, ResourceId: null, Properties: null, Resources: {} },
    { EventId: 3, Tags: [[], [1, [2]], { '}': ']' }], Unicode: 'é\u2028\u0000' },
  ];

  it('cuts a compact array into the texts JSON.stringify writes for its elements', () => {
    expect(jsonArrayElements(JSON.stringify(records))).to.deep.equal(records.map((r) => JSON.stringify(r)));
  });

  it('keeps each element exactly as sent, spaces, escapes and long numbers included', () => {
    const text = '[ {"EventId": 12345678901234567890, "S": "a\\"b\\\\"} ,\n  {"EventId": 2.50e1}\t]';
    expect(jsonArrayElements(text)).to.deep.equal(['{"EventId": 12345678901234567890, "S": "a\\"b\\\\"}', '{"EventId": 2.50e1}']);
  });

  it('ends a string at the first quote no odd run of backslashes escapes', () => {
    const strings = [{ a: '\\' }, { b: '\\"' }, '"\\', '\\\\', { '\\"': '\\\\"]' }];
    expect(jsonArrayElements(JSON.stringify(strings))).to.deep.equal(strings.map((s) => JSON.stringify(s)));
  });

  it('finds scalars, strings and nested arrays as elements too, and nothing in an empty array', () => {
    expect(jsonArrayElements('[1, "a,]", true ,null,[2,[3]], {"a":[]} , -4.5e-2 ]')).to.deep.equal(['1', '"a,]"', 'true', 'null', '[2,[3]]', '{"a":[]}', '-4.5e-2']);
    expect(jsonArrayElements('[]')).to.deep.equal([]);
    expect(jsonArrayElements(' [ ] ')).to.deep.equal([]);
  });
});
