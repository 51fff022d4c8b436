import * as v8 from 'node:v8';
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface PeakMemory {
  /** Resident set size: the JS heap, both young semi-spaces, SQLite's page caches, code. */
  readonly peakRssMb: number;
  /** JS heap in use: live objects and the garbage V8 has not collected yet, which it lets grow the longer a run lasts. */
  readonly peakHeapMb: number;
  /** Old generation in use just after each full collection: what the work holds live, flat if it streams. */
  readonly peakLiveHeapMb: number;
}

/**
 * Samples memory while `work` runs; the peaks say whether memory stays bounded as the volume
 * grows. `memoryUsage.rss()` reads the RSS alone, a hundred times a second: `memoryUsage()` also
 * walks the heap's spaces, which at that rate slowed the measured pipeline down by several
 * percent, so the heap is read ten times a second, and the old generation after each full collection.
 */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T } & PeakMemory> {
  const heapUsed = () => v8.getHeapStatistics().used_heap_size;
  // The young generation is left out: up to 128 MB of objects allocated since, live or not.
  const oldUsed = () => v8.getHeapSpaceStatistics().reduce((sum, space) => (space.space_name.startsWith('new_') ? sum : sum + space.space_used_size), 0);
  let rss = process.memoryUsage.rss();
  let heap = heapUsed();
  let live = oldUsed();
  const rssSampler = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage.rss());
  }, 10);
  const heapSampler = setInterval(() => {
    heap = Math.max(heap, heapUsed());
  }, 100);
  // Delivered shortly after the collection: what the old generation holds then is a little over what survived it.
  const fullCollections = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => ((entry as { detail?: { kind?: number } }).detail?.kind) === constants.NODE_PERFORMANCE_GC_MAJOR)) live = Math.max(live, oldUsed());
  });
  fullCollections.observe({ entryTypes: ['gc'] });
  try {
    const result = await work();
    rss = Math.max(rss, process.memoryUsage.rss());
    heap = Math.max(heap, heapUsed());
    return { result, peakRssMb: megabytes(rss), peakHeapMb: megabytes(heap), peakLiveHeapMb: megabytes(live) };
  } finally {
    clearInterval(rssSampler);
    clearInterval(heapSampler);
    fullCollections.disconnect();
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
