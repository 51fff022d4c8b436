export const CollectorSettings = Symbol('CollectorSettings');
export interface CollectorSettings {
  /** Records asked for per request (WAP's billing adapter sample uses 100). */
  readonly batchSize: number;
  /** How long this instance holds the collector lease without renewing it. */
  readonly leaseTtlMs: number;
  /** This instance's name in the lease table. */
  readonly instanceId: string;
  /** The pause between scheduled runs. */
  readonly intervalMs: number;
}
