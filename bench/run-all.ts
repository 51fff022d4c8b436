/**
 * `npm run bench`: every benchmark in turn, each printing comparable figures. BENCH_BACKENDS
 * (sqlite,postgres) narrows the databases; each benchmark documents its own knobs.
 *
 * Each part runs in a process of its own with the V8 flags of what it stands for: the pipeline
 * and the invoice run as `npx wap-billing collect` and `invoice run` run them (a 64 MB young
 * generation), the tenant queries as `npm start` serves them (V8's defaults).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const PARTS: readonly { readonly script: string; readonly flags: readonly string[] }[] = [
  { script: 'usage-pipeline-bench.js', flags: ['--max-semi-space-size=64'] },
  { script: 'usage-query-bench.js', flags: [] },
  { script: 'invoice-run-bench.js', flags: ['--max-semi-space-size=64'] },
];

for (const [index, part] of PARTS.entries()) {
  if (index > 0) console.log();
  const run = spawnSync(process.execPath, ['--expose-gc', ...part.flags, path.join(__dirname, part.script)], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${part.script} failed (${run.signal ?? `exit ${run.status}`})`);
    process.exit(1);
  }
}
