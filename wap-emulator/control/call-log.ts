/** Who was on the other end of a call the emulator received or made. */
export type CallTarget = 'admin' | 'usage' | 'resourceProvider' | 'notificationSubscriber' | 'verification';

export interface RecordedCall {
  direction: 'in' | 'out';
  target: CallTarget;
  method: string;
  /** The full URL of an outgoing call; path and query of an incoming one. */
  url: string;
  /** Lower-case names; the ones a test asserts on (authorization, x-ms-principal-id, content-type). */
  headers: Record<string, string>;
  body: unknown;
  /** `null` when no answer came (connection refused, reset, timeout). */
  status: number | null;
  error?: string;
  at: string;
}

export interface CallFilter { direction?: 'in' | 'out'; target?: CallTarget; method?: string; urlIncludes?: string }

/** Every call in and out, in order, so a test can read exactly what the RP was sent. */
export class CallLog {
  private readonly calls: RecordedCall[] = [];

  add(call: RecordedCall): void {
    this.calls.push(call);
  }

  list(filter: CallFilter = {}): RecordedCall[] {
    return this.calls.filter(c => (!filter.direction || c.direction === filter.direction)
      && (!filter.target || c.target === filter.target)
      && (!filter.method || c.method === filter.method.toUpperCase())
      && (!filter.urlIncludes || c.url.includes(filter.urlIncludes)));
  }

  clear(): void {
    this.calls.length = 0;
  }
}
