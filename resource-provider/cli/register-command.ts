import type { Command } from 'commander';
import { AdminApiClient, AdminApiError } from '../wap/admin-api-client';
import { RP_PRINCIPAL_ID } from '../wap/bind-admin-api-client';
import { notificationSubscriberCommand } from '../wap/notification-subscriber-command';
import { registerOrUpdate, stableInstanceId } from '../wap/register-or-update';
import { RP_NAME } from '../wap/rp-identity';
import { resourceProviderRegistration } from '../wap/rp-registration';
import { WapNetworkError } from '../wap/wap-http';
import { cliSettings } from './cli-settings';

interface RegisterOptions {
  readonly adminApi?: string;
  readonly token?: string;
  readonly publicUrl: string;
  readonly name: string;
  readonly dryRun?: boolean;
}

/** `wap-billing register`: registers this RP in WAP (or updates its registration), then prints the billing-adapter line. */
export function addRegisterCommand(program: Command): void {
  program
    .command('register')
    .description('register this resource provider in WAP through the Admin API, or update its registration')
    .option('--admin-api <url>', "WAP's Admin API, e.g. https://wap:30004 (default: WAP_ADMIN_URL)")
    .option('--token <token>', 'a Bearer token of a WAP administrator (default: WAP_ADMIN_TOKEN)')
    .requiredOption('--public-url <url>', 'where WAP reaches this resource provider, e.g. http://rp:30030')
    .option('--name <name>', 'the name WAP forwards under, letters and digits only', RP_NAME)
    .option('--dry-run', 'print the ResourceProvider body and send nothing')
    .action((options: RegisterOptions) => register(options));
}

async function register(options: RegisterOptions): Promise<void> {
  const settings = cliSettings();
  if (!settings) return;
  if (!/^[A-Za-z0-9]+$/.test(options.name)) return fail(`--name must hold letters and digits only (got '${options.name}')`);
  if (!URL.canParse(options.publicUrl) || !/^https?:$/.test(new URL(options.publicUrl).protocol)) return fail(`--public-url must be an http(s) URL (got '${options.publicUrl}')`);

  const provider = resourceProviderRegistration({
    name: options.name,
    publicUrl: options.publicUrl,
    username: settings.rpUsername,
    password: settings.rpPassword,
    instanceId: stableInstanceId(options.name, options.publicUrl),
  });
  const subscriberLine = notificationSubscriberCommand({ name: options.name, publicUrl: options.publicUrl, username: settings.rpUsername, password: settings.rpPassword });

  if (options.dryRun) {
    console.log('Dry run: nothing was sent. This is the ResourceProvider body; it holds the RP password in clear (AuthenticationPassword):');
    console.log(JSON.stringify(provider, null, 2));
  } else {
    const url = options.adminApi ?? settings.wapAdmin?.url;
    const token = options.token ?? settings.wapAdmin?.token;
    if (!url || !token) return fail('--admin-api and --token (or WAP_ADMIN_URL and WAP_ADMIN_TOKEN) are required to register');
    const client = new AdminApiClient({ ...settings.wapTls, url, token, principalId: RP_PRINCIPAL_ID, timeoutMs: 15_000, retry: { retries: 2, initialDelayMs: 500 } });
    try {
      const outcome = await registerOrUpdate(client, provider);
      console.log(`${outcome.action === 'registered' ? 'Registered' : 'Updated'} resource provider '${outcome.provider.Name}' (instance ${outcome.provider.InstanceId}) in WAP at ${url}`);
    } catch (error) {
      if (error instanceof WapNetworkError) return fail(`the WAP Admin API is not reachable at ${url}: ${error.message}`);
      if (error instanceof AdminApiError && (error.status === 401 || error.status === 403)) return fail(`the WAP Admin API refused the token (${error.status}): ${error.message}`);
      throw error;
    }
  }
  console.log('To make this resource provider the billing adapter, an administrator runs on a WAP server (the line holds the RP password):');
  console.log(subscriberLine);
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}
