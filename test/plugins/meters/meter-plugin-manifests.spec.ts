import { expect } from 'chai';
import Ajv from 'ajv';
import { PLUGIN_API_VERSION } from '@wap-billing/plugin-api';
import { activateMeterPlugin, readManifest } from './plugin-harness';

describe('built-in meter plugin manifests', () => {
  for (const name of ['vm-clouds', 'sql-databases', 'web-sites']) {
    describe(name, () => {
      it('declares a meter plugin for plugin API 1.2 or later (multiplyDecimalText) with index.js as its entry', () => {
        const manifest = readManifest(name);
        expect(manifest.id).to.match(/^[a-z0-9]+([.-][a-z0-9]+)*$/);
        expect(manifest).to.include({ kind: 'meter', apiVersion: '^1.2.0', main: 'index.js' });
        expect(PLUGIN_API_VERSION.startsWith('1.')).to.equal(true);
        expect(manifest.version).to.match(/^\d+\.\d+\.\d+$/);
        expect(manifest.displayName).to.be.a('string').and.not.empty;
      });

      it('has a settings schema that compiles and gives every setting a default', () => {
        const schema = readManifest(name).settingsSchema as { properties: Record<string, { default?: unknown }> };
        expect(() => new Ajv({ strict: true }).compile(schema)).not.to.throw();
        for (const [setting, property] of Object.entries(schema.properties)) {
          expect(property.default, `${setting} has a default`).not.to.equal(undefined);
        }
      });

      it('activates with the id of its manifest and declares unique, lower-case dotted meter ids', async () => {
        const plugin = await activateMeterPlugin(name);
        expect(plugin.id).to.equal(readManifest(name).id);
        const ids = plugin.meters().map(m => m.id);
        expect(new Set(ids).size).to.equal(ids.length);
        for (const id of ids) expect(id).to.match(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      });
    });
  }
});
