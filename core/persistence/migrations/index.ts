import type { Migration } from '../migration';
import { accountsSubscriptionsPlugins } from './0001-accounts-subscriptions-plugins';
import { usage } from './0002-usage';
import { usageRollups } from './0003-usage-rollups';
import { subscriptionsAndDecisions } from './0004-subscriptions-and-decisions';
import { catalogue } from './0005-catalogue';
import { invoicing } from './0006-invoicing';
import { compactUsageStorage } from './0007-compact-usage-storage';
import { promotionsCredits } from './0008-promotions-credits';
import { subscriptionPlanHistory } from './0009-subscription-plan-history';
import { customBillingCycles } from './0010-custom-billing-cycles';
import { deferredRollups } from './0011-deferred-rollups';
import { subscriptionDailyRollups } from './0012-subscription-daily-rollups';
import { monthDaysRollups } from './0013-month-days-rollups';
import { rollupRecordIds } from './0014-rollup-record-ids';

/** Every migration in the order it runs. A landed migration is never edited: add a new one. */
export const migrations: readonly Migration[] = [
  accountsSubscriptionsPlugins, usage, usageRollups, subscriptionsAndDecisions, catalogue, invoicing, compactUsageStorage, promotionsCredits,
  subscriptionPlanHistory, customBillingCycles, deferredRollups, subscriptionDailyRollups, monthDaysRollups, rollupRecordIds,
];
