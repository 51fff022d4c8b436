/**
 * Invoice part of `npm run bench`: one invoice run over 10,000 subscriptions (one account each)
 * holding 1.2 million stored WAP usage records, every invoice built and finalized, on SQLite and
 * PostgreSQL; prints invoices per second and peak memory.
 */
import 'reflect-metadata';
import pino from 'pino';
import { Database } from '../core/persistence/database';
import { insertRows } from '../core/persistence/stores/sequelize-usage-sql';
import { MeterRegistry } from '../core/plugin-host/meter-registry';
import { RunInvoices } from '../core/invoicing/run-invoices';
import { PublishRateCard } from '../core/rating/publish-rate-card';
import { startServer } from '../resource-provider/resource-provider-server';
import { emptyBenchDatabase, type BenchBackend } from './support/bench-databases';
import { withPeakMemory } from './support/peak-memory';
import { populateUsage, subscriptionIdOf, type UsageShape } from './support/populate-usage';

const SHAPE: UsageShape = { subscriptions: Number(process.env.BENCH_INVOICE_SUBSCRIPTIONS ?? 10_000), resourcesPerSubscription: 1, hours: 120 };

async function runBackend(backend: BenchBackend): Promise<void> {
  const server = await startServer(
    {
      port: 0, databaseUrl: await emptyBenchDatabase(backend), pluginsDirs: [], rpUsername: 'bench', rpPassword: 'bench', logLevel: 'silent',
      wapTls: { rejectUnauthorized: true }, collector: { intervalSeconds: 0, batchSize: 1000, retryDelayMs: 100 },
    },
    { logger: pino({ level: 'silent' }) },
  );
  try {
    const database = server.container.get(Database);
    const records = await populateUsage(database, server.container.get(MeterRegistry), SHAPE);
    await holdSubscriptions(database, SHAPE.subscriptions);
    const published = await server.container.get(PublishRateCard).publish('vm-bench', {
      offer: { kind: 'plan', id: 'plan-vm' }, currency: 'USD', effectiveFrom: '2024-01-01T00:00:00Z',
      charges: { 'vm.runtime-hours': { model: { kind: 'graduated', tiers: [{ from: '0', to: '100', unitPrice: '0.05' }, { from: '100', to: null, unitPrice: '0.04' }] } } },
      fixedFees: [{ id: 'base', description: 'Plan base fee', interval: 'monthly', amount: '20.00' }],
    });
    if (!published.ok) throw new Error(JSON.stringify(published));
    const started = process.hrtime.bigint();
    const { result, peakRssMb, peakHeapMb, peakLiveHeapMb } = await withPeakMemory(() => server.container.get(RunInvoices).run({ period: '2025-01', finalize: true }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!result.ok || result.value.status !== 'ran') throw new Error(`the run failed: ${JSON.stringify(result)}`);
    const finalized = result.value.outcomes.filter((o) => o.outcome === 'finalized').length;
    if (finalized !== SHAPE.subscriptions) throw new Error(`${finalized} of ${SHAPE.subscriptions} invoices finalized`);
    console.log(
      `${backend.padEnd(9)} ${finalized} invoices from ${records} records in ${seconds.toFixed(1)} s: ${Math.round(finalized / seconds)} invoices/s, peak RSS ${peakRssMb} MB, heap ${peakHeapMb} MB (live ${peakLiveHeapMb} MB)`,
    );
  } finally {
    await server.close();
  }
}

/** One account per subscription, active on the plan since before January, as WAP's notifications would leave them. */
async function holdSubscriptions(database: Database, count: number): Promise<void> {
  const at = new Date('2024-12-01T00:00:00Z');
  await database.sequelize.transaction(async (transaction) => {
    const ids = Array.from({ length: count }, (_, i) => i);
    await insertRows(database.sequelize, 'accounts', ids.map((i) => ({
      id: `tenant-${i}@bench.example`, currency: 'USD', time_zone: 'UTC', bill_cycle_day: 1, standing: 'good', created_at: at, updated_at: at,
    })), transaction);
    await insertRows(database.sequelize, 'subscriptions', ids.map((i) => ({
      id: subscriptionIdOf(i), account_id: `tenant-${i}@bench.example`, plan_id: 'plan-vm', name: 'VM', state: 'active', created_at: at, updated_at: at,
    })), transaction);
    await insertRows(database.sequelize, 'subscription_state_changes', ids.map((i) => ({
      subscription_id: subscriptionIdOf(i), state: 'active', changed_at: at, source: 'bench',
    })), transaction);
    await insertRows(database.sequelize, 'subscription_plan_changes', ids.map((i) => ({
      subscription_id: subscriptionIdOf(i), plan_id: 'plan-vm', changed_at: at, source: 'bench',
    })), transaction);
  });
}

export async function invoiceRunBench(): Promise<void> {
  console.log(`invoice run: ${SHAPE.subscriptions} subscriptions, built and finalized`);
  for (const backend of (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',') as BenchBackend[]) await runBackend(backend);
}

if (require.main === module) {
  invoiceRunBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
