import type { ContainerModuleLoadOptions } from 'inversify';
import { RollupUsageSummarySource } from '../usage/rollup-usage-summary-source';
import { UsageSummarySource } from '../usage/usage-summary-source';
import { GetSubscription } from './get-subscription';
import { GetUsageSummary } from './get-usage-summary';
import { RecordSubscriptionCreated } from './record-subscription-created';
import { RecordSubscriptionDeleted } from './record-subscription-deleted';
import { RecordSubscriptionStateChange } from './record-subscription-state-change';
import { ApplySubscriptionNotice } from './subscription-notice';
import { UpdateSubscriptionQuotas } from './update-subscription-quotas';

export function bindSubscriptions(bind: ContainerModuleLoadOptions['bind']): void {
  bind(ApplySubscriptionNotice).toSelf().inSingletonScope();
  bind(RecordSubscriptionCreated).toSelf().inSingletonScope();
  bind(RecordSubscriptionStateChange).toSelf().inSingletonScope();
  bind(RecordSubscriptionDeleted).toSelf().inSingletonScope();
  bind(GetSubscription).toSelf().inSingletonScope();
  bind(UpdateSubscriptionQuotas).toSelf().inSingletonScope();
  bind(GetUsageSummary).toSelf().inSingletonScope();
  bind(RollupUsageSummarySource).toSelf().inSingletonScope();
  bind(UsageSummarySource).toService(RollupUsageSummarySource);
}
