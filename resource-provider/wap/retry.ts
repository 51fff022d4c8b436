export interface RetryPolicy {
  /** Attempts after the first one. */
  readonly retries: number;
  /** The wait before the first retry; each later wait doubles it. */
  readonly initialDelayMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, or fails with an error `retryable` refuses, or retries run out. */
export async function withRetry<T>(attempt: () => Promise<T>, retryable: (error: unknown) => boolean, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? realSleep;
  for (let n = 0; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= policy.retries || !retryable(error)) throw error;
      await sleep(policy.initialDelayMs * 2 ** n);
    }
  }
}
