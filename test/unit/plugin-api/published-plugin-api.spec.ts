import { expect } from 'chai';
import * as api from '../../../core/plugin-api';
import { PLUGIN_API_MODULE } from '../../../core/plugin-api';

describe('the plugin API as a plugin requires it', () => {
  // Mocha's setup installs the resolver (register-plugin-api), as the plugin registry does.
  const published = require(PLUGIN_API_MODULE) as Record<string, unknown>;

  it('holds every export of the API, the very values the core holds', () => {
    const names = Object.keys(api);
    expect(Object.keys(published)).to.have.members(names);
    for (const name of names) expect(published[name], name).to.equal((api as Record<string, unknown>)[name]);
  });

  it('holds them as plain properties a plugin cannot change, not as re-export getters', () => {
    for (const name of Object.keys(published)) {
      const property = Object.getOwnPropertyDescriptor(published, name)!;
      expect(property.get, name).to.equal(undefined);
      expect(property.writable, name).to.equal(false);
    }
    expect(Object.isFrozen(published)).to.equal(true);
  });

  it('is taken as it is by a plugin compiled with `import * as api`', () => {
    expect(published.__esModule).to.equal(true);
  });
});
