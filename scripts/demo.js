// `npm run demo`: a living system on one machine without WAP. Starts the WAP emulator and the
// resource provider wired to it, registers the RP in the emulator (as an admin would with
// `wap-billing register`), makes it the billing adapter, and lets the collector pull the
// emulator's generated usage. Ctrl-C stops both.
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const port = process.env.PORT ?? '30030';
const rpUrl = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  PORT: port,
  RP_USERNAME: process.env.RP_USERNAME ?? 'wap',
  RP_PASSWORD: process.env.RP_PASSWORD ?? 'demo-password',
  WAP_ADMIN_URL: 'http://127.0.0.1:30004',
  WAP_ADMIN_TOKEN: 'wap-emulator-admin-token',
  WAP_USAGE_URL: 'http://127.0.0.1:30022',
  WAP_USAGE_USERNAME: 'UsageClient',
  WAP_USAGE_PASSWORD: 'wap-emulator-usage-password',
  COLLECT_INTERVAL_SECONDS: process.env.COLLECT_INTERVAL_SECONDS ?? '30',
};

const children = [
  spawn(process.execPath, [path.join(root, 'dist/wap-emulator/main.js')], { env, stdio: 'inherit' }),
  spawn(process.execPath, [path.join(root, 'dist/resource-provider/main.js')], { env: { ...env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
children.forEach((child) => child.once('exit', (code) => { if (code) { stop(); process.exitCode = code; } }));

async function healthy(url) {
  for (let i = 0; i < 60; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer`);
}

async function wire() {
  await healthy(`${rpUrl}/health`);
  execFileSync(process.execPath, [path.join(root, 'bin/wap-billing.js'), 'register', '--public-url', rpUrl], { env, stdio: 'inherit' });
  const subscriber = await fetch('http://127.0.0.1:30004/emulator/notificationSubscribers', {
    method: 'POST',
    headers: { authorization: `Bearer ${env.WAP_ADMIN_TOKEN}`, 'x-ms-principal-id': 'demo@wap', 'content-type': 'application/json' },
    body: JSON.stringify({
      Name: 'billing', Enabled: true, SubscriberType: 'BillingService', Endpoint: `${rpUrl}/billingadapter`,
      AuthenticationMode: 'Basic', AuthenticationUsername: env.RP_USERNAME, AuthenticationPassword: env.RP_PASSWORD,
    }),
  });
  if (!subscriber.ok) throw new Error(`the emulator refused the billing subscriber: ${subscriber.status}`);
  const auth = `-u ${env.RP_USERNAME}:${env.RP_PASSWORD}`;
  console.log(`\nDemo ready. Try:\n  curl ${rpUrl}/health\n  curl ${auth} ${rpUrl}/admin/collector\n  curl ${auth} '${rpUrl}/admin/usage?from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z&groupBy=meter'\n  curl ${rpUrl}/openapi.json\n`);
}

wire().catch((error) => {
  console.error(`demo: ${error.message}`);
  stop();
  process.exitCode = 1;
});
