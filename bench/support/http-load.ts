import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export interface HttpLoad {
  readonly urls: readonly string[];
  readonly concurrency: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A body without it fails the run: the answer was not what the query asks. */
  readonly mustContain: string;
}

/**
 * Sends `load.urls` with `concurrency` requests in flight from a worker thread, and answers each
 * request's latency in ms, sorted. The clients get an event loop of their own, as tenants'
 * browsers are elsewhere: in the server's loop they would queue behind its work and add their own.
 */
export function runHttpLoad(load: HttpLoad): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'http-load.js'), { workerData: load });
    worker.once('message', (latencies: number[]) => resolve(latencies));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the load worker exited with ${code}`)));
  });
}

async function sendLoad({ urls, concurrency, headers, mustContain }: HttpLoad): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const started = process.hrtime.bigint();
      const res = await fetch(url, { headers });
      const body = await res.text();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.status !== 200 || !body.includes(mustContain)) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return latencies.sort((a, b) => a - b);
}

if (!isMainThread) {
  sendLoad(workerData as HttpLoad).then((latencies) => parentPort!.postMessage(latencies), (error: unknown) => { throw error; });
}
