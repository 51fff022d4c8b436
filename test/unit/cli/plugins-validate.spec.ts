import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { backupMeterSource, dropPlugin, meterManifest, temporaryPluginsDir } from '../../support/plugin-folders';
import { PLUGIN_API_VERSION } from '../../../core/plugin-api';

const run = promisify(execFile);
const cli = path.join(__dirname, '..', '..', '..', '..', 'bin', 'wap-billing.js');

async function validate(folder: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [cli, 'plugins', 'validate', folder]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe('npx wap-billing plugins validate <folder>', () => {
  it('accepts a third-party meter plugin and lists its meters', async () => {
    const dir = dropPlugin(temporaryPluginsDir(), 'backup', meterManifest(), backupMeterSource);
    const result = await validate(dir);
    expect(result.code).to.equal(0);
    expect(result.out).to.include('OK: meter plugin meter.backup 1.0.0');
    expect(result.out).to.include('meter backup.stored-gb (GB, max): Backup storage');
  });

  it('exits 1 and says why for a plugin built against another plugin API', async () => {
    const dir = dropPlugin(temporaryPluginsDir(), 'future', meterManifest({ apiVersion: '^2.0.0' }), backupMeterSource);
    const result = await validate(dir);
    expect(result.code).to.equal(1);
    expect(result.out).to.include(`INVALID: incompatible plugin API: the plugin needs ^2.0.0, this server provides ${PLUGIN_API_VERSION}`);
  });

  it('exits 1 for a module that does not export activate', async () => {
    const dir = dropPlugin(temporaryPluginsDir(), 'lazy', meterManifest(), 'exports.start = () => ({});');
    const result = await validate(dir);
    expect(result.code).to.equal(1);
    expect(result.out).to.include('INVALID: index.js does not export an activate(context) function');
  });
});
