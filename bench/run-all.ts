/**
 * `npm run bench`: every benchmark in turn, each printing comparable figures. BENCH_BACKENDS
 * (sqlite,postgres) narrows the databases; each benchmark documents its own knobs.
 */
import 'reflect-metadata';
import { installPluginApiResolver } from '../core/plugin-host/plugin-api-resolver';
import { usagePipelineBench } from './usage-pipeline-bench';
import { usageQueryBench } from './usage-query-bench';
import { invoiceRunBench } from './invoice-run-bench';

async function main(): Promise<void> {
  installPluginApiResolver();
  await usagePipelineBench();
  console.log();
  await usageQueryBench();
  console.log();
  await invoiceRunBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
