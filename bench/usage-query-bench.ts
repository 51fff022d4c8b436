/**
 * Query part of `npm run bench`: the tenant usage endpoint over ~5 million stored WAP records,
 * answered from the rollups, under concurrent requests sent from a worker thread (the clients'
 * own event loop); prints p50 / p90 / p99 latency.
 */
import 'reflect-metadata';
import pino from 'pino';
import { Database } from '../core/persistence/database';
import { MeterRegistry } from '../core/plugin-host/meter-registry';
import { startServer } from '../resource-provider/resource-provider-server';
import { emptyBenchDatabase, type BenchBackend } from './support/bench-databases';
import { runHttpLoad } from './support/http-load';
import { populateUsage, subscriptionIdOf, type UsageShape } from './support/populate-usage';

const SHAPE: UsageShape = {
  subscriptions: Number(process.env.BENCH_QUERY_SUBSCRIPTIONS ?? 1000),
  resourcesPerSubscription: 5,
  hours: 42 * 24,
};
const CONCURRENCY = Number(process.env.BENCH_QUERY_CONCURRENCY ?? 16);
const REQUESTS = Number(process.env.BENCH_QUERY_REQUESTS ?? 2000);
const AUTH = `Basic ${Buffer.from('bench:bench').toString('base64')}`;

interface Query {
  readonly name: string;
  path(subscriptionId: string): string;
}

const QUERIES: readonly Query[] = [
  { name: 'month total per meter', path: (s) => `/subscriptions/${s}/usage?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z` },
  { name: 'daily series of a month', path: (s) => `/subscriptions/${s}/usage?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&granularity=day` },
  { name: 'per-resource drill-down', path: (s) => `/subscriptions/${s}/usage/meters/vm.core-hours/resources?from=2025-01-03T05:00:00Z&to=2025-02-01T00:00:00Z` },
];

/** Requests of each query sent untimed before it is measured: the server's code compiled and its caches filled, as in a server that has been up a while. */
const WARM_UP = Number(process.env.BENCH_QUERY_WARM_UP ?? REQUESTS);

function measure(baseUrl: string, query: Query, requests: number, offset = 0): Promise<number[]> {
  const urls = Array.from({ length: requests }, (_, n) => baseUrl + query.path(subscriptionIdOf(((n + offset) * 7919) % SHAPE.subscriptions)));
  return runHttpLoad({ urls, concurrency: CONCURRENCY, headers: { authorization: AUTH }, mustContain: 'quantity' });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function runBackend(backend: BenchBackend): Promise<void> {
  const databaseUrl = await emptyBenchDatabase(backend);
  const server = await startServer(
    {
      port: 0, databaseUrl, pluginsDirs: [], rpUsername: 'bench', rpPassword: 'bench', logLevel: 'silent',
      wapTls: { rejectUnauthorized: true }, collector: { intervalSeconds: 0, batchSize: 1000, retryDelayMs: 100 },
    },
    { logger: pino({ level: 'silent' }) },
  );
  try {
    const started = Date.now();
    const records = await populateUsage(server.container.get(Database), server.container.get(MeterRegistry), SHAPE);
    console.log(`${backend}: ${records} records stored (${SHAPE.subscriptions} subscriptions × ${SHAPE.resourcesPerSubscription} VMs × ${SHAPE.hours} h) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // BENCH_QUERY_ONLY=month runs the queries whose name holds it (profiling one at a time).
    for (const query of QUERIES.filter((q) => q.name.includes(process.env.BENCH_QUERY_ONLY ?? ''))) {
      await measure(server.url, query, WARM_UP, REQUESTS);
      const t0 = Date.now();
      const latencies = await measure(server.url, query, REQUESTS);
      const seconds = (Date.now() - t0) / 1000;
      console.log(
        `  ${query.name.padEnd(26)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p90 ${percentile(latencies, 90).toFixed(1).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms   ${Math.round(REQUESTS / seconds)} req/s (${CONCURRENCY} concurrent)`,
      );
    }
  } finally {
    await server.close();
  }
}

export async function usageQueryBench(): Promise<void> {
  console.log(`tenant usage endpoint over stored usage, answered from rollups (${REQUESTS} requests per query, after ${WARM_UP} untimed)`);
  for (const backend of (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as BenchBackend[]) await runBackend(backend);
}

if (require.main === module) {
  usageQueryBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
