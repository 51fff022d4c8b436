import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { loadSettings } from '../../../resource-provider/config/load-settings';
import { ConfigurationError } from '../../../resource-provider/config/settings';

function workDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-config-'));
}

function errorOf(env: NodeJS.ProcessEnv, cwd = workDir()): string {
  try {
    loadSettings(env, cwd);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('resource provider settings', () => {
  it('starts on a SQLite file under data/ and port 30030 when nothing is set', () => {
    const cwd = workDir();
    const settings = loadSettings({}, cwd);
    expect(settings.port).to.equal(30030);
    expect(settings.databaseUrl).to.equal(`sqlite:${path.join(cwd, 'data', 'billing.sqlite')}`);
    expect(settings.rpUsername).to.equal('wap');
  });

  it('generates an RP password once, keeps it private, and reuses it on the next start', () => {
    const cwd = workDir();
    const first = loadSettings({}, cwd).rpPassword;
    expect(first).to.have.length.greaterThan(20);
    expect(loadSettings({}, cwd).rpPassword).to.equal(first);
    expect(fs.statSync(path.join(cwd, 'data', 'rp-password')).mode & 0o077).to.equal(0);
  });

  it('names the setting in one line for each wrong value', () => {
    expect(errorOf({ PORT: '70000' })).to.equal("PORT must be a whole number from 1 to 65535 (got '70000')");
    expect(errorOf({ DATABASE_URL: 'oracle://db/billing' })).to.equal("DATABASE_URL: unsupported database 'oracle': use sqlite, postgres, mariadb or mssql");
    expect(errorOf({ DATABASE_URL: 'postgres://127.0.0.1:5432' })).to.equal('DATABASE_URL: a postgres URL needs a database name after the host');
    expect(errorOf({ PLUGINS_DIR: '/nonexistent/plugins' })).to.equal('PLUGINS_DIR: /nonexistent/plugins is not a folder');
    expect(errorOf({ WAP_ADMIN_URL: 'https://wap:30004' })).to.equal('WAP_ADMIN_TOKEN is required when WAP_ADMIN_URL is set');
    expect(errorOf({ WAP_USAGE_USERNAME: 'u' })).to.equal('WAP_USAGE_URL is required when WAP_USAGE_USERNAME is set');
    expect(errorOf({ WAP_USAGE_URL: 'ftp://wap', WAP_USAGE_USERNAME: 'u', WAP_USAGE_PASSWORD: 'p' })).to.equal("WAP_USAGE_URL must be an http(s) URL (got 'ftp://wap')");
    expect(errorOf({ LOG_LEVEL: 'loud' })).to.match(/^LOG_LEVEL must be one of fatal, error/);
  });

  it('never repeats a secret in an error message', () => {
    const message = errorOf({ WAP_USAGE_URL: 'https://wap:30022', WAP_USAGE_USERNAME: 'billing', WAP_USAGE_PASSWORD: '' , WAP_ADMIN_TOKEN: 's3cr3t-token' });
    expect(message).not.to.include('s3cr3t-token');
  });

  it('accepts several plugin folders and reads a JSON config file under the environment', () => {
    const cwd = workDir();
    fs.mkdirSync(path.join(cwd, 'a'));
    fs.mkdirSync(path.join(cwd, 'b'));
    fs.writeFileSync(path.join(cwd, 'billing.json'), JSON.stringify({ PORT: 31000, RP_PASSWORD: 'from-file', PLUGINS_DIR: `a${path.delimiter}b` }));
    const settings = loadSettings({ CONFIG_FILE: 'billing.json', PORT: '32000' }, cwd);
    expect(settings.port).to.equal(32000);
    expect(settings.rpPassword).to.equal('from-file');
    expect(settings.pluginsDirs).to.deep.equal([path.join(cwd, 'a'), path.join(cwd, 'b')]);
  });

  it('refuses an unreadable config file, naming it', () => {
    expect(errorOf({ CONFIG_FILE: 'missing.json' })).to.equal('CONFIG_FILE: cannot read missing.json as JSON (ENOENT)');
  });
});
