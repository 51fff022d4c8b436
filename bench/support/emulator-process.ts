import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface EmulatorProcess {
  readonly usageServiceUrl: string;
  /** How many usage records the emulator generated (the last EventId). */
  readonly records: number;
  /** CPU seconds the emulator has used so far (all its threads), from Linux's /proc; undefined elsewhere. */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The WAP emulator in a child process, as WAP is another machine in production: serving pages
 * (JSON encoding, HTTP) then costs the benchmarked process's one JS thread nothing, for the
 * pipeline and for the bare-driver baseline alike.
 */
export async function startEmulatorProcess(generator: { seed: number; tenants: number; resourcesPerTenant: number; days: number; start: string }): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'wap-emulator', 'main.js')], {
    env: {
      ...process.env,
      WAP_EMULATOR_ADMIN_PORT: '0',
      WAP_EMULATOR_USAGE_PORT: '0',
      WAP_EMULATOR_SEED: String(generator.seed),
      WAP_EMULATOR_TENANTS: String(generator.tenants),
      WAP_EMULATOR_RESOURCES_PER_TENANT: String(generator.resourcesPerTenant),
      WAP_EMULATOR_DAYS: String(generator.days),
      WAP_EMULATOR_START: generator.start,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A benchmark that fails leaves no emulator behind (holding its terminal's output open).
  const killChild = () => child.kill();
  process.once('exit', killChild);
  const banner = await readBanner(child);
  const url = /Usage Service\s+(\S+)/.exec(banner)?.[1];
  const records = /(\d+) usage records/.exec(banner)?.[1];
  if (!url || !records) throw new Error(`the emulator printed no Usage Service address: ${banner}`);
  return {
    usageServiceUrl: url,
    records: Number(records),
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () => new Promise<void>((resolve) => {
      process.off('exit', killChild);
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

function readBanner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      text += chunk;
      if (/usage records/.test(text)) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it listened: ${text}`)));
  });
}

/** Linux's clock ticks per second (USER_HZ), in which /proc/<pid>/stat counts CPU time. */
const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
