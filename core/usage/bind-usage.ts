import type { ContainerModuleLoadOptions } from 'inversify';
import { FeedSink } from './collection/feed-sink';
import { UsageFeedSink } from './collection/usage-feed-sink';
import { UsageByPlan } from './usage-by-plan';

export function bindUsage(bind: ContainerModuleLoadOptions['bind']): void {
  bind(UsageFeedSink).toSelf().inSingletonScope();
  bind(FeedSink).toService(UsageFeedSink);
  bind(UsageByPlan).toSelf().inSingletonScope();
}
