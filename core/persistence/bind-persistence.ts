import type { ContainerModuleLoadOptions } from 'inversify';
import { AccountStore } from '../accounts/account-store';
import { PluginStateStore } from '../plugin-host/plugin-state-store';
import { BillingDecisionStore } from '../signup/billing-decision-store';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import { Database, DatabaseSettings } from './database';
import { SequelizeAccountStore } from './stores/sequelize-account-store';
import { SequelizeBillingDecisionStore } from './stores/sequelize-billing-decision-store';
import { SequelizePluginStateStore } from './stores/sequelize-plugin-state-store';
import { SequelizeSubscriptionStore } from './stores/sequelize-subscription-store';

export function bindPersistence(bind: ContainerModuleLoadOptions['bind']): void {
  bind(Database)
    .toDynamicValue((ctx) => new Database(ctx.get<DatabaseSettings>(DatabaseSettings)))
    .inSingletonScope();
  bind(SequelizePluginStateStore).toSelf().inSingletonScope();
  bind(PluginStateStore).toService(SequelizePluginStateStore);
  bind(SequelizeAccountStore).toSelf().inSingletonScope();
  bind(AccountStore).toService(SequelizeAccountStore);
  bind(SequelizeSubscriptionStore).toSelf().inSingletonScope();
  bind(SubscriptionStore).toService(SequelizeSubscriptionStore);
  bind(SequelizeBillingDecisionStore).toSelf().inSingletonScope();
  bind(BillingDecisionStore).toService(SequelizeBillingDecisionStore);
}
