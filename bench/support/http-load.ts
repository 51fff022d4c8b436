import * as http from 'node:http';
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
  // node:http with kept-alive sockets: a client far lighter than fetch, so the latency measured is the server's.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const started = process.hrtime.bigint();
      const { status, body } = await get(url, headers, agent);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (status !== 200 || !body.includes(mustContain)) throw new Error(`${url}: ${status} ${body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return latencies.sort((a, b) => a - b);
}

function get(url: string, headers: Readonly<Record<string, string>>, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

if (!isMainThread) {
  sendLoad(workerData as HttpLoad).then((latencies) => parentPort!.postMessage(latencies), (error: unknown) => { throw error; });
}
