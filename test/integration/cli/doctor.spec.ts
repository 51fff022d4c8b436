import * as net from 'node:net';
import { expect } from 'chai';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { dropPlugin, meterManifest, temporaryPluginsDir } from '../../support/plugin-folders';
import { freshDatabaseUrl, testBackend } from '../../support/test-database';
import { wapBilling, type CliResult } from './run-cli';

describe(`npx wap-billing doctor on ${testBackend()}`, () => {
  let emulator: WapEmulator;
  let env: Record<string, string>;

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0 });
    const { adminApiUrl, usageServiceUrl } = await emulator.start();
    env = {
      DATABASE_URL: await freshDatabaseUrl(),
      RP_PASSWORD: 'rp-secret',
      WAP_ADMIN_URL: adminApiUrl,
      WAP_ADMIN_TOKEN: 'wap-emulator-admin-token',
      WAP_USAGE_URL: usageServiceUrl,
      WAP_USAGE_USERNAME: 'UsageClient',
      WAP_USAGE_PASSWORD: 'wap-emulator-usage-password',
    };
  });
  afterEach(() => emulator.stop());

  async function doctor(overrides: Record<string, string> = {}, migrate = true): Promise<CliResult & { lines: string[] }> {
    if (migrate) expect((await wapBilling(['migrate'], { ...env, ...overrides })).code).to.equal(0);
    const result = await wapBilling(['doctor'], { ...env, ...overrides });
    return { ...result, lines: result.stdout.split('\n').filter((l) => /^(OK|FAIL)/.test(l)) };
  }

  it('says OK for every connection when everything is right, and exits 0', async () => {
    const result = await doctor();
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    expect(result.lines.every((l) => l.startsWith('OK')), result.stdout).to.equal(true);
    const subjects = result.lines.map((l) => l.replace(/^OK\s+/, '').split(':')[0]);
    expect(subjects).to.include.members(['database', 'database reads', 'WAP Admin API', 'WAP Usage Service', 'plugins', 'payment connector payment.offline']);
    expect(result.stdout).to.include('All checks passed.');
  });

  it('names the Usage Service and its credentials when the password is wrong, and exits 1', async () => {
    const result = await doctor({ WAP_USAGE_PASSWORD: 'wrong' });
    expect(result.code).to.equal(1);
    const line = result.lines.find((l) => l.startsWith('FAIL'));
    expect(line).to.match(/^FAIL WAP Usage Service: .*credentials were refused \(401\)/);
    expect(result.lines.filter((l) => l.startsWith('FAIL'))).to.have.length(1);
  });

  it('says the Admin API is not reachable when nothing listens there', async () => {
    const result = await doctor({ WAP_ADMIN_URL: `http://127.0.0.1:${await closedPort()}` });
    expect(result.code).to.equal(1);
    expect(result.lines.some((l) => /^FAIL WAP Admin API: not reachable at http:\/\/127\.0\.0\.1:\d+/.test(l)), result.stdout).to.equal(true);
  });

  it('says the token is refused when the Admin API does not accept it', async () => {
    const result = await doctor({ WAP_ADMIN_TOKEN: 'stale' });
    expect(result.code).to.equal(1);
    expect(result.lines.some((l) => /^FAIL WAP Admin API: .*token was refused \(401\)/.test(l)), result.stdout).to.equal(true);
  });

  it('says which migrations are missing on a database never migrated', async () => {
    const result = await doctor({}, false);
    expect(result.code).to.equal(1);
    expect(result.lines[0], result.stdout).to.match(/^FAIL database: .* migration\(s\) are not applied .*; run wap-billing migrate$/);
  });

  it('lists a plugin that failed to load, with the reason', async () => {
    const dir = temporaryPluginsDir();
    dropPlugin(dir, 'lazy', meterManifest({ id: 'meter.lazy' }), 'exports.start = () => ({});');
    const result = await doctor({ PLUGINS_DIR: dir });
    expect(result.code).to.equal(1);
    expect(result.lines.some((l) => /^FAIL plugin meter\.lazy: failed to load from .*plugin\.json: .*activate/.test(l)), result.stdout).to.equal(true);
  });
});

/** A port nothing listens on: opened, then closed again. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
