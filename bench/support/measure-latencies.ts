import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadRequest } from './load-worker';

/**
 * Latencies of `request.urls` under `request.concurrency` requests in flight, sorted, in ms. The
 * requests come from a worker thread, as tenants' browsers are elsewhere: the client's own work
 * must not queue behind the server's on one JS thread and count as the server's latency.
 */
export function measureLatencies(request: LoadRequest): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load-worker.js'), { workerData: request });
    worker.once('message', (message: { latencies?: number[]; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.latencies!);
    });
    worker.once('error', reject);
  });
}
