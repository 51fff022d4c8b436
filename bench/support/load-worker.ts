import { parentPort, workerData } from 'node:worker_threads';

/** What `measureLatencies` hands to its worker thread. */
export interface LoadRequest {
  readonly urls: readonly string[];
  readonly concurrency: number;
  readonly authorization: string;
  /** A body must contain this, or the run fails. */
  readonly expect: string;
}

/** Requests every url with `concurrency` requests in flight; posts the latencies in ms, sorted. */
async function run({ urls, concurrency, authorization, expect }: LoadRequest): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++];
      const started = process.hrtime.bigint();
      const res = await fetch(url, { headers: { authorization } });
      const body = await res.text();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (res.status !== 200 || !body.includes(expect)) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

run(workerData as LoadRequest).then(
  (latencies) => parentPort!.postMessage({ latencies }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
