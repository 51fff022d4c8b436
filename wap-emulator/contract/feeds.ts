/** The Usage Service's seven feeds (contract section 5), by the name the emulator's controls use. */
export const feedPaths = {
  usage: '/usage',
  plans: '/billing/plans',
  planServices: '/billing/planServices',
  planAddons: '/billing/planAddons',
  addons: '/billing/addons',
  subscriptions: '/billing/subscriptions',
  subscriptionAddons: '/billing/subscriptionAddons',
} as const;

export type FeedName = keyof typeof feedPaths;
export type BillingFeedName = Exclude<FeedName, 'usage'>;

/** Matches both `/billing/planAddons` and a lower-cased `/billing/planaddons`: .NET routing ignores case. */
export function feedOfPath(path: string): FeedName | undefined {
  const lower = path.toLowerCase().replace(/\/+$/, '');
  for (const [name, feedPath] of Object.entries(feedPaths)) {
    if (feedPath.toLowerCase() === lower) return name as FeedName;
  }
  return undefined;
}
