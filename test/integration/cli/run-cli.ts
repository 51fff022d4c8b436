import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const cli = path.join(__dirname, '..', '..', '..', '..', 'bin', 'wap-billing.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node bin/wap-billing.js …` as an admin would, in a folder of its own (where `data/rp-password`
 * lands), with only the environment given: nothing of the test runner's WAP_* or RP_* leaks in.
 */
export async function wapBilling(args: readonly string[], env: Record<string, string>, cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'wap-billing-cli-'))): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
