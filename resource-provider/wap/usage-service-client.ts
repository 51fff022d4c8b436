import { withRetry, type RetryPolicy } from './retry';
import { wapRequest, WapNetworkError, type WapConnection } from './wap-http';
import { jsonArrayElements } from './json-array-elements';

/** The seven feeds of WAP's Usage Service (CONTRACT §5), by the name the collector keeps watermarks under. */
export const USAGE_FEEDS = {
  usage: '/usage',
  plans: '/billing/plans',
  planServices: '/billing/planServices',
  planAddons: '/billing/planAddons',
  addons: '/billing/addons',
  subscriptions: '/billing/subscriptions',
  subscriptionAddons: '/billing/subscriptionAddons',
} as const;
export type UsageFeed = keyof typeof USAGE_FEEDS;

export interface UsageServiceSettings extends WapConnection {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly retry: RetryPolicy;
}

/** WAP answered, but with an error status that retrying will not change (bad credentials, bad request). */
export class UsageServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A server-side failure (5xx): worth another try after a pause. */
class UsageServiceUnavailable extends UsageServiceError {}

/** One page of a feed as WAP sent it. */
export interface FeedRecords {
  readonly records: unknown[];
  /** Each record's JSON exactly as WAP wrote it, in the order of `records`, where the reader kept it. */
  readonly texts?: readonly string[];
}

/** Reads pages of WAP's Usage Service feeds: the collector's only view of WAP. */
export const UsageFeedReader = Symbol('UsageFeedReader');
export interface UsageFeedReader {
  /** The records with `EventId >= startId`, in id order, at most `batchSize` of them; none past the end. */
  page(feed: UsageFeed, startId: string, batchSize: number): Promise<FeedRecords>;
}

/** Reads pages of the Usage Service feeds, with Basic auth, timeouts and retries with backoff on 5xx and network errors. */
export class UsageServiceClient implements UsageFeedReader {
  private readonly authorization: string;

  constructor(private readonly settings: UsageServiceSettings) {
    this.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
  }

  async page(feed: UsageFeed, startId: string, batchSize: number): Promise<FeedRecords> {
    const url = new URL(USAGE_FEEDS[feed].slice(1), this.settings.url.endsWith('/') ? this.settings.url : `${this.settings.url}/`);
    url.searchParams.set('startId', startId);
    url.searchParams.set('batchSize', String(batchSize));
    return withRetry(() => this.fetchPage(url), isTransient, this.settings.retry);
  }

  private async fetchPage(url: URL): Promise<FeedRecords> {
    const response = await wapRequest(url, this.settings, {
      method: 'GET',
      headers: { authorization: this.authorization, accept: 'application/json' },
    });
    if (response.status >= 500) throw new UsageServiceUnavailable(response.status, `Usage Service answered ${response.status} for ${url.pathname}`);
    if (response.status !== 200) throw new UsageServiceError(response.status, `Usage Service refused ${url.pathname}: ${response.status} ${response.body.slice(0, 200)}`);
    const body: unknown = JSON.parse(response.body);
    if (!Array.isArray(body)) throw new UsageServiceError(response.status, `Usage Service sent no array for ${url.pathname}`);
    const texts = jsonArrayElements(response.body);
    return texts.length === body.length ? { records: body, texts } : { records: body };
  }
}

function isTransient(error: unknown): boolean {
  return error instanceof WapNetworkError || error instanceof UsageServiceUnavailable;
}
