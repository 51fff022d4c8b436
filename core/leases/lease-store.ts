/**
 * Leases make one holder at a time run an exclusive job (the collector, an invoice run) across
 * several resource-provider instances sharing one database. A holder renews before expiry; when
 * it dies, the lease expires and another instance takes it over.
 */
export const LeaseStore = Symbol('LeaseStore');
export interface LeaseStore {
  /**
   * Takes the lease `name` for `holder` until now + `ttlMs`, or extends it when `holder` has it.
   * Returns false while another holder's lease has not expired. Safe to call concurrently:
   * exactly one of several contenders gets true.
   */
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up early, if `holder` has it; otherwise does nothing. */
  release(name: string, holder: string): Promise<void>;
}
