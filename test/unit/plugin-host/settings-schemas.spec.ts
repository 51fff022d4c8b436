import { expect } from 'chai';
import Ajv from 'ajv';
import * as sinon from 'sinon';
import { PLUGIN_API_VERSION } from '../../../core/plugin-api';
import { validateManifest } from '../../../core/plugin-host/plugin-manifest-validator';
import { validatePluginSettings } from '../../../core/plugin-host/plugin-settings-validator';

/** A plugin.json as the registry reads it at each rescan: a new object every time, the same text. */
function manifestRead(settingsSchema: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify({
    id: 'meter.schema-test', kind: 'meter', version: '1.0.0', apiVersion: `^${PLUGIN_API_VERSION}`, main: 'index.js', displayName: 'Schema test', settingsSchema,
  })) as Record<string, unknown>;
}

describe("plugins' settings schemas", () => {
  let compile: sinon.SinonSpy;
  beforeEach(() => (compile = sinon.spy(Ajv.prototype, 'compile')));
  afterEach(() => compile.restore());

  // Ajv keeps every schema object it compiles: compiling each rescan's copy grew the heap without end.
  it('compiles a schema once however many times its plugin.json is read again', () => {
    const schema = { type: 'object', properties: { [`key${Date.now()}`]: { type: 'string', default: 'a' } } };
    for (let rescan = 0; rescan < 5; rescan++) expect(validateManifest(manifestRead(schema)).ok).to.equal(true);
    const read = manifestRead(schema).settingsSchema as object;
    expect(validatePluginSettings(read, {})).to.deep.equal({ ok: true, settings: { [Object.keys(schema.properties)[0]]: 'a' } });
    expect(validatePluginSettings(read, { [Object.keys(schema.properties)[0]]: 7 }).ok).to.equal(false);
    expect(compile.callCount).to.equal(1);
  });

  it('refuses a schema that does not compile, with the reason, every time, and tries it once', () => {
    const schema = { type: 'object', properties: { [`key${Date.now()}`]: { type: 'no-such-type' } } };
    for (let rescan = 0; rescan < 3; rescan++) {
      const check = validateManifest(manifestRead(schema));
      expect(check.ok).to.equal(false);
      expect(check.ok ? '' : check.reason).to.match(/^invalid plugin\.json: settingsSchema does not compile: schema is invalid: data\/properties\/key\d+\/type/);
    }
    expect(validatePluginSettings(manifestRead(schema).settingsSchema as object, {})).to.deep.include({ ok: false });
    expect(compile.callCount).to.equal(1);
  });
});
