/**
 * Where a collection's time goes, for whoever takes the pipeline's speed further: one collection
 * of the pipeline benchmark's generated usage (after an untimed one over 20,000 records), with
 * the main thread CPU-profiled. Prints its time by stage of the pipeline and the functions that
 * took the longest themselves, and writes the profile for a browser's developer tools
 * (Performance, "Load profile"). Not part of `npm run bench`:
 *
 *   npm run build && node --expose-gc --max-semi-space-size=64 dist/bench/profile-pipeline.js
 *
 * BENCH_BACKENDS (one of sqlite, postgres; sqlite by default), BENCH_DAYS (42: 210,000 records),
 * BENCH_BATCH (1000), PROFILE_FILE (where the profile goes).
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from 'node:inspector/promises';
import { installPluginApiResolver } from '../core/plugin-host/plugin-api-resolver';
import type { BenchBackend } from './support/bench-databases';
import { BENCH_USAGE, benchPipeline } from './support/bench-pipeline';
import { OTHER, selfTimes, timeByStage, type CpuProfile, type Stage, type TimeShare } from './support/cpu-profile-stages';
import { startEmulatorProcess } from './support/emulator-process';

const BACKEND = (process.env.BENCH_BACKENDS ?? 'sqlite') as BenchBackend;
const DAYS = Number(process.env.BENCH_DAYS ?? 42);
const BATCH_SIZE = Number(process.env.BENCH_BATCH ?? 1000);
const PROFILE_FILE = process.env.PROFILE_FILE ?? path.join(os.tmpdir(), `collect-${BACKEND}-${DAYS}d.cpuprofile`);
/** Microseconds between samples: finer than V8's default (1 ms) for a run of seconds. */
const SAMPLING_INTERVAL = 200;

/**
 * The pipeline's stages by the functions that run them (docs/usage.md tells what each does); a
 * sample counts for the first stage on its stack, so the roll-ups' own statements are theirs.
 */
const STAGES: readonly Stage[] = [
  {
    name: 'pages pulled and parsed',
    frames: [
      { functionName: 'fetchPage', file: 'resource-provider/wap/usage-service-client.js' },
      { file: 'resource-provider/wap/wap-http.js' },
      { file: 'resource-provider/wap/json-array-elements.js' },
    ],
  },
  { name: 'metering and rows', frames: [{ functionName: 'rowsInSlices', file: 'core/persistence/stores/sequelize-usage-store.js' }] },
  {
    name: "records' INSERT",
    frames: [
      { functionName: 'insert', file: 'core/persistence/stores/bulk-rows/sqlite-bulk-rows.js' },
      { functionName: 'insert', file: 'core/persistence/stores/bulk-rows/postgres-bulk-rows.js' },
    ],
  },
  { name: 'roll-up changes kept', frames: [{ functionName: 'keepPending', file: 'core/persistence/stores/sequelize-usage-store.js' }] },
  {
    name: 'roll-ups worked out and written',
    frames: [
      { functionName: 'rollUp', file: 'core/persistence/stores/sequelize-usage-store.js' },
      { functionName: 'changes', file: 'core/usage/store/rollup-changes.js' },
      { file: 'core/persistence/stores/sequelize-usage-rollups.js' },
      { file: 'core/persistence/stores/sequelize-usage-tail.js' },
    ],
  },
  {
    name: 'other statements: transactions, watermarks',
    frames: [{ file: 'sequelize/lib/dialects/sqlite/query.js' }, { file: 'sequelize/lib/dialects/postgres/query.js' }],
  },
  { name: 'garbage collection', frames: [{ functionName: '(garbage collector)' }] },
  { name: 'idle (waiting for pages or the database server)', frames: [{ functionName: '(idle)' }] },
];

async function profiled<T>(work: () => Promise<T>): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile: profile as CpuProfile };
  } finally {
    session.disconnect();
  }
}

async function collectOnce(days: number): Promise<{ records: number; seconds: number; profile: CpuProfile }> {
  const emulator = await startEmulatorProcess({ ...BENCH_USAGE, days });
  try {
    const pipeline = await benchPipeline(BACKEND, emulator.usageServiceUrl, BATCH_SIZE);
    global.gc?.();
    const started = process.hrtime.bigint();
    const { result, profile } = await profiled(pipeline.collect);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await pipeline.database.close();
    if (result.status !== 'collected' || result.feeds.some((f) => f.error)) throw new Error(`the collection failed: ${JSON.stringify(result)}`);
    return { records: emulator.records, seconds, profile };
  } finally {
    await emulator.stop();
  }
}

function line({ name, milliseconds, share }: TimeShare): string {
  return `${(100 * share).toFixed(1).padStart(6)}%  ${Math.round(milliseconds).toString().padStart(7)} ms  ${name}`;
}

async function main(): Promise<void> {
  installPluginApiResolver();
  await collectOnce(4);
  const { records, seconds, profile } = await collectOnce(DAYS);
  fs.writeFileSync(PROFILE_FILE, JSON.stringify(profile));
  console.log(`${BACKEND}: ${records} records collected in ${seconds.toFixed(2)} s (${Math.round(records / seconds)} records/s, profiled); profile in ${PROFILE_FILE}`);
  console.log(`\nmain thread by stage ('${OTHER}': the collector's loop, the event loop, V8):`);
  for (const share of timeByStage(profile, STAGES)) console.log(line(share));
  console.log('\nfunctions by their own time:');
  for (const share of selfTimes(profile, 25)) console.log(line(share));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
