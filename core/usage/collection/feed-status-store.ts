/** How collecting one feed went most recently, for the admins' view. */
export interface FeedStatus {
  readonly feed: string;
  readonly nextStartId: string;
  readonly lastSuccessAt: Date | null;
  readonly lastError: string | null;
  readonly lastErrorAt: Date | null;
}

export const FeedStatusStore = Symbol('FeedStatusStore');
export interface FeedStatusStore {
  recordSuccess(feed: string, at: Date): Promise<void>;
  /** Keeps the watermark; `error` is plain words without secrets. */
  recordFailure(feed: string, error: string, at: Date): Promise<void>;
  list(): Promise<FeedStatus[]>;
}
