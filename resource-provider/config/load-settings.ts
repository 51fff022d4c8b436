import * as fs from 'node:fs';
import * as path from 'node:path';
import { sequelizeOptionsFor, DatabaseUrlError } from '../../core/persistence/database-url';
import { ConfigurationError, type ResourceProviderSettings } from './settings';
import { generatedRpPassword } from './generated-rp-password';

type Source = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads the settings from the environment, over an optional JSON file named by `CONFIG_FILE`
 * whose keys are the same names (`{"DATABASE_URL": "…", "PORT": 30030}`). Throws a
 * ConfigurationError naming the first wrong setting. Secrets are never part of a message.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ResourceProviderSettings {
  const source: Source = { ...readConfigFile(env.CONFIG_FILE, cwd), ...definedOnly(env) };
  const databaseUrl = source.DATABASE_URL ?? `sqlite:${path.join(cwd, 'data', 'billing.sqlite')}`;
  try {
    sequelizeOptionsFor(databaseUrl);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigurationError(`DATABASE_URL: ${error.message}`);
    throw error;
  }
  const rpUsername = source.RP_USERNAME ?? 'wap';
  return {
    port: port(source.PORT),
    databaseUrl,
    pluginsDirs: pluginsDirs(source.PLUGINS_DIR, cwd),
    rpUsername,
    rpPassword: source.RP_PASSWORD ?? generatedRpPassword(path.join(cwd, 'data')),
    wapAdmin: pair('WAP_ADMIN_URL', source.WAP_ADMIN_URL, { WAP_ADMIN_TOKEN: source.WAP_ADMIN_TOKEN }, (url, s) => ({ url, token: s.WAP_ADMIN_TOKEN })),
    wapUsage: pair(
      'WAP_USAGE_URL',
      source.WAP_USAGE_URL,
      { WAP_USAGE_USERNAME: source.WAP_USAGE_USERNAME, WAP_USAGE_PASSWORD: source.WAP_USAGE_PASSWORD },
      (url, s) => ({ url, username: s.WAP_USAGE_USERNAME, password: s.WAP_USAGE_PASSWORD }),
    ),
    wapTls: wapTls(source.WAP_CA_FILE, source.WAP_TLS_INSECURE, cwd),
    collector: {
      intervalSeconds: wholeNumber('COLLECT_INTERVAL_SECONDS', source.COLLECT_INTERVAL_SECONDS, 60, 0, 86_400),
      batchSize: wholeNumber('COLLECT_BATCH_SIZE', source.COLLECT_BATCH_SIZE, 500, 1, 10_000),
      retryDelayMs: wholeNumber('COLLECT_RETRY_DELAY_MS', source.COLLECT_RETRY_DELAY_MS, 500, 1, 60_000),
    },
    defaultCurrency: currency(source.DEFAULT_CURRENCY),
    invoicing: invoicing(source),
    invoiceTemplateDir: source.INVOICE_TEMPLATE_DIR ? folder('INVOICE_TEMPLATE_DIR', source.INVOICE_TEMPLATE_DIR, cwd) : undefined,
    chromiumPath: source.CHROMIUM_PATH,
    invoiceRunIntervalMinutes: wholeNumber('INVOICE_RUN_INTERVAL_MINUTES', source.INVOICE_RUN_INTERVAL_MINUTES, 60, 0, 7 * 24 * 60),
    logLevel: logLevel(source.LOG_LEVEL),
  };
}

function readConfigFile(file: string | undefined, cwd: string): Source {
  if (!file) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`CONFIG_FILE: cannot read ${file} as JSON (${(error as NodeJS.ErrnoException).code ?? 'parse error'})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigurationError(`CONFIG_FILE: ${file} must hold a JSON object`);
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]));
}

function definedOnly(env: NodeJS.ProcessEnv): Source {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

function port(value: string | undefined): number {
  return wholeNumber('PORT', value, 30030, 1, 65535);
}

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
  return n;
}

function wapTls(caFile: string | undefined, insecure: string | undefined, cwd: string): ResourceProviderSettings['wapTls'] {
  if (insecure !== undefined && insecure !== 'true' && insecure !== 'false') {
    throw new ConfigurationError(`WAP_TLS_INSECURE must be true or false (got '${insecure}')`);
  }
  if (!caFile) return { rejectUnauthorized: insecure !== 'true' };
  try {
    return { ca: fs.readFileSync(path.resolve(cwd, caFile), 'utf8'), rejectUnauthorized: insecure !== 'true' };
  } catch (error) {
    throw new ConfigurationError(`WAP_CA_FILE: cannot read ${caFile} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function folder(name: string, value: string, cwd: string): string {
  const dir = path.resolve(cwd, value);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ConfigurationError(`${name}: ${dir} is not a folder`);
  return dir;
}

function pluginsDirs(value: string | undefined, cwd: string): string[] {
  if (!value) return [];
  return value.split(path.delimiter).filter(Boolean).map((dir) => folder('PLUGINS_DIR', dir, cwd));
}

function pair<T, K extends string>(
  urlName: string,
  url: string | undefined,
  companions: Record<K, string | undefined>,
  build: (url: string, companions: Record<K, string>) => T,
): T | undefined {
  const missing = (Object.keys(companions) as K[]).filter((k) => !companions[k]);
  if (!url) {
    const stray = (Object.keys(companions) as K[]).find((k) => companions[k]);
    if (stray) throw new ConfigurationError(`${urlName} is required when ${stray} is set`);
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`${urlName} must be an http(s) URL (got '${url}')`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ConfigurationError(`${urlName} must be an http(s) URL (got '${url}')`);
  if (missing.length > 0) throw new ConfigurationError(`${missing[0]} is required when ${urlName} is set`);
  return build(url, companions as Record<K, string>);
}

function logLevel(value: string | undefined): ResourceProviderSettings['logLevel'] {
  if (value === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === value);
  if (!level) throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got '${value}')`);
  return level;
}

/** INVOICE_* settings; an absent one keeps the built-in default. */
function invoicing(source: Source): ResourceProviderSettings['invoicing'] {
  const oneOf = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    const found = allowed.find((a) => a === value);
    if (!found) throw new ConfigurationError(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
    return found;
  };
  const prefix = source.INVOICE_NUMBER_PREFIX;
  if (prefix !== undefined && !/^[A-Za-z0-9/_-]{0,16}$/.test(prefix)) throw new ConfigurationError(`INVOICE_NUMBER_PREFIX must be up to 16 letters, digits, '-', '_' or '/' (got '${prefix}')`);
  const settings = {
    prorationUnit: oneOf('INVOICE_PRORATION_UNIT', source.INVOICE_PRORATION_UNIT, ['second', 'day'] as const),
    suspendedTime: oneOf('INVOICE_SUSPENDED_TIME', source.INVOICE_SUSPENDED_TIME, ['bill', 'do-not-bill'] as const),
    gracePeriodHours: source.INVOICE_GRACE_HOURS === undefined ? undefined : wholeNumber('INVOICE_GRACE_HOURS', source.INVOICE_GRACE_HOURS, 72, 0, 24 * 366),
    numberPrefix: prefix,
  };
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

function currency(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Z]{3}$/.test(value)) throw new ConfigurationError(`DEFAULT_CURRENCY must be an ISO 4217 code such as USD or EUR (got '${value}')`);
  return value;
}
