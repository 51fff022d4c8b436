import { expect } from 'chai';
import { validateDeclarativeMeters } from '../../../core/usage/metering/declarative-meter-validation';
import { serviceBusDocument } from './declarative-fixtures';


/** The errors of a document as `path: message` lines, for readable assertions. */
function errorsOf(document: unknown): string[] {
  const result = validateDeclarativeMeters(document);
  return result.ok ? [] : result.errors.map(e => `${e.path}: ${e.message}`);
}

describe('validating a declarative meter document', () => {
  it('accepts a sound document and hands it back typed', () => {
    const result = validateDeclarativeMeters(serviceBusDocument());
    expect(result.ok).to.equal(true);
    expect(result.ok && result.value.meters.map(m => m.id)).to.deep.equal(['servicebus.messages', 'servicebus.storage']);
  });

  it('names a missing field with its meter index', () => {
    const document = serviceBusDocument();
    delete document.meters[1].resourceKey;
    expect(errorsOf(document)).to.deep.equal(['meters[1].resourceKey: is required']);
  });

  it('lists the aggregations it knows when given another', () => {
    const document = serviceBusDocument();
    document.meters[0].aggregation = 'median';
    expect(errorsOf(document)).to.deep.equal(['meters[0].aggregation: must be one of sum, max, average, latest, time-weighted, unique-count']);
  });

  for (const divisor of ['1e3', '-2', '1,024', '0', '0.000', 1024]) {
    it(`refuses a divisor of ${JSON.stringify(divisor)}`, () => {
      const document = serviceBusDocument();
      document.meters[1].divisor = divisor;
      const errors = errorsOf(document);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.match(/^meters\[1\]\.divisor: must be a/);
    });
  }

  it('refuses a field it does not know, so that a typo is not silently ignored', () => {
    const document = serviceBusDocument();
    document.meters[0].resourcekey = 'MessageCount';
    expect(errorsOf(document)).to.deep.equal(['meters[0].resourcekey: is not a field of a declarative meter document']);
  });

  it('refuses a meter id used twice in one document', () => {
    const document = serviceBusDocument();
    document.meters[1].id = 'servicebus.messages';
    expect(errorsOf(document)).to.deep.equal(['meters[1].id: repeats the meter id "servicebus.messages"']);
  });

  it('reports every problem at once, with the top-level fields by name', () => {
    expect(errorsOf({ id: 'Service Bus', version: 'v1', meters: [] })).to.have.members([
      'displayName: is required',
      'id: must be lower-case letters and digits joined by dots or dashes, e.g. "mysql.allotted-space"',
      'version: must be a semantic version such as "1.0.0"',
      'meters: must list at least one meter',
    ]);
  });

  it('refuses a document that is not an object', () => {
    expect(errorsOf([serviceBusDocument()])).to.deep.equal(['(document): must be an object']);
  });

  it('refuses an empty unit', () => {
    const document = serviceBusDocument();
    document.meters[0].unit = '';
    expect(errorsOf(document)).to.deep.equal(['meters[0].unit: must not be empty']);
  });
});
