import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { WapEmulator } from '../../../wap-emulator/wap-emulator';
import { wapBilling } from './run-cli';

const TOKEN = 'wap-emulator-admin-token';
const PASSWORD = 'rp-secret-7';

describe('npx wap-billing register', () => {
  let emulator: WapEmulator;
  let adminApi: string;
  const env = () => ({ DATABASE_URL: `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-reg-')), 'b.sqlite')}`, RP_USERNAME: 'wap', RP_PASSWORD: PASSWORD });
  const register = (publicUrl: string, extra: string[] = [], environment: Record<string, string> = env(), cwd?: string) =>
    wapBilling(['register', '--admin-api', adminApi, '--token', TOKEN, '--public-url', publicUrl, ...extra], environment, cwd);

  beforeEach(async () => {
    emulator = new WapEmulator({ adminPort: 0, usagePort: 0 });
    ({ adminApiUrl: adminApi } = await emulator.start());
  });
  afterEach(() => emulator.stop());

  it('registers the admin, tenant and notification endpoints with Basic credentials, and prints the billing-adapter line', async () => {
    const result = await register('http://rp.example:30030');
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.match(/^Registered resource provider 'billing' \(instance [0-9a-f-]{36}\)/m);

    const [provider] = [...emulator.store.resourceProviders.values()];
    expect(emulator.store.resourceProviders.size).to.equal(1);
    expect(provider).to.include({ Name: 'billing', Enabled: true });
    const basic = { AuthenticationMode: 1, AuthenticationUsername: 'wap', AuthenticationPassword: PASSWORD };
    expect(provider.AdminEndpoint).to.deep.equal({ ForwardingAddress: 'http://rp.example:30030/admin', ...basic });
    expect(provider.NotificationEndpoint).to.deep.equal({ ForwardingAddress: 'http://rp.example:30030/admin', ...basic });
    expect(provider.TenantEndpoint).to.include({ ForwardingAddress: 'http://rp.example:30030/', SourceUriTemplate: '{subid}/services/billing/{*path}', ...basic });

    expect(result.stdout).to.include(
      `Set-MgmtSvcNotificationSubscriber -Name billing -Enabled $true -SubscriberType BillingService -Endpoint http://rp.example:30030/billingadapter ` +
        `-AuthenticationMode Basic -AuthenticationUsername wap -AuthenticationPassword ${PASSWORD} -Force`,
    );
  });

  it('updates the registration on a second run rather than adding another', async () => {
    expect((await register('http://rp.example:30030')).code).to.equal(0);
    const second = await register('http://rp-2.example:30030');
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.match(/^Updated resource provider 'billing'/m);
    expect(emulator.store.resourceProviders.size).to.equal(1);
    expect([...emulator.store.resourceProviders.values()][0].AdminEndpoint?.ForwardingAddress).to.equal('http://rp-2.example:30030/admin');
  });

  it('--dry-run prints the exact body, says it holds the password, and sends nothing', async () => {
    const result = await register('http://rp.example:30030', ['--dry-run', '--name', 'billing2']);
    expect(result.code, result.stderr).to.equal(0);
    expect(emulator.calls.list({ direction: 'in' })).to.deep.equal([]);
    expect(emulator.store.resourceProviders.size).to.equal(0);
    expect(result.stdout).to.match(/^Dry run: nothing was sent\..*password/m);
    const body = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'), result.stdout.lastIndexOf('}') + 1));
    expect(body).to.include({ Name: 'billing2' });
    expect(body.AdminEndpoint).to.include({ AuthenticationPassword: PASSWORD });
    expect(result.stdout).to.include('Set-MgmtSvcNotificationSubscriber -Name billing2 ');
  });

  it('uses the generated password kept in data/rp-password when RP_PASSWORD is unset', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-cwd-'));
    fs.mkdirSync(path.join(cwd, 'data'));
    fs.writeFileSync(path.join(cwd, 'data', 'rp-password'), 'generated-pw-42\n', { mode: 0o600 });
    const { RP_PASSWORD: _unset, ...withoutPassword } = env();
    const result = await register('http://rp.example:30030', [], withoutPassword, cwd);
    expect(result.code, result.stderr).to.equal(0);
    expect([...emulator.store.resourceProviders.values()][0].AdminEndpoint?.AuthenticationPassword).to.equal('generated-pw-42');
    expect(result.stdout).to.include('-AuthenticationPassword generated-pw-42 -Force');
  });

  it('exits 1 and says so when WAP refuses the token', async () => {
    const result = await wapBilling(['register', '--admin-api', adminApi, '--token', 'wrong', '--public-url', 'http://rp.example:30030'], env());
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('refused the token (401)');
    expect(emulator.store.resourceProviders.size).to.equal(0);
  });
});
