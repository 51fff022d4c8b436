import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { violations } from './import-rules';

const repositoryRoot = path.join(__dirname, '..', '..', '..');

function fixture(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-arch-'));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe('import boundaries of ARCHITECTURE.md', () => {
  it('hold across the whole source tree', () => {
    expect(fs.existsSync(path.join(repositoryRoot, 'core', 'plugin-api', 'index.ts'))).to.equal(true);
    expect(violations(repositoryRoot)).to.deep.equal([]);
  });

  it('catch a plugin that reaches into the core past the plugin API', () => {
    const root = fixture({
      'plugins/meters/sneaky/index.ts': `import { MeterRegistry } from '../../../core/plugin-host/meter-registry';\nimport { Aggregation } from '@wap-billing/plugin-api';`,
    });
    expect(violations(root)).to.deep.equal([
      "plugins/meters/sneaky/index.ts: plugin imports ../../../core/plugin-host/meter-registry: only '@wap-billing/plugin-api' and its own folder are allowed",
    ]);
  });

  it('catch core importing the resource provider, a plugin, or express', () => {
    const root = fixture({
      'core/usage/a.ts': `import { x } from '../../resource-provider/server';`,
      'core/usage/b.ts': `const p = require('../../plugins/meters/vm/index');`,
      'core/usage/c.ts': `import express from 'express';`,
    });
    expect(violations(root)).to.have.length(3);
  });

  it('catch the plugin API importing the rest of the core', () => {
    const root = fixture({ 'core/plugin-api/x.ts': `import type { Clock } from '../time/clock';` });
    expect(violations(root)).to.deep.equal(['core/plugin-api/x.ts: the plugin API imports ../time/clock, outside the plugin API']);
  });
});
