/**
 * Samples the resident set size while `work` runs; the peak says whether memory stays bounded.
 * `memoryUsage.rss()` reads the RSS alone: `memoryUsage()` also walks the heap's spaces, which a
 * hundred times a second slowed the measured pipeline down by several percent.
 */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}
