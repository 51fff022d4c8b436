import type { ContainerModuleLoadOptions } from 'inversify';
import { LeaseStore } from '../leases/lease-store';
import { FeedStatusStore } from '../usage/collection/feed-status-store';
import { PluginStateStore } from '../plugin-host/plugin-state-store';
import { ReprocessQuarantine } from '../usage/store/reprocess-quarantine';
import { UsageQuery } from '../usage/store/usage-query';
import { UsageStore } from '../usage/store/usage-store';
import { Database, DatabaseSettings } from './database';
import { SequelizeFeedStatusStore } from './stores/sequelize-feed-status-store';
import { SequelizeLeaseStore } from './stores/sequelize-lease-store';
import { SequelizePluginStateStore } from './stores/sequelize-plugin-state-store';
import { SequelizeUsageQuarantine } from './stores/sequelize-usage-quarantine';
import { SequelizeUsageQuery } from './stores/sequelize-usage-query';
import { SequelizeUsageRollups } from './stores/sequelize-usage-rollups';
import { SequelizeUsageStore } from './stores/sequelize-usage-store';
import { SequelizeUsageWriter } from './stores/sequelize-usage-writer';
import { AccountStore } from '../accounts/account-store';
import { BillingDecisionStore } from '../signup/billing-decision-store';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import { SequelizeAccountStore } from './stores/sequelize-account-store';
import { SequelizeBillingDecisionStore } from './stores/sequelize-billing-decision-store';
import { SequelizeSubscriptionStore } from './stores/sequelize-subscription-store';
import { CatalogueQuery } from '../catalogue/catalogue-query';
import { CatalogueStore } from '../catalogue/catalogue-store';
import { SequelizeCatalogueQuery } from './stores/sequelize-catalogue-query';
import { SequelizeCatalogueStore } from './stores/sequelize-catalogue-store';
import { BillableHoldings } from '../invoicing/billable-holdings';
import { BillingProfileStore } from '../invoicing/billing-profile';
import { InvoiceStore } from '../invoicing/invoice-store';
import { RateCardStore } from '../rating/rate-card-store';
import { SequelizeBillableHoldings } from './stores/sequelize-billable-holdings';
import { SequelizeBillingProfileStore } from './stores/sequelize-billing-profile-store';
import { SequelizeInvoiceStore } from './stores/sequelize-invoice-store';
import { SequelizeRateCardStore } from './stores/sequelize-rate-card-store';
import { CouponStore } from '../promotions/coupon-store';
import { PromotionStore } from '../promotions/promotion-store';
import { CreditStore } from '../credits/credit-store';
import { SequelizeCouponStore } from './stores/sequelize-coupon-store';
import { SequelizePromotionStore } from './stores/sequelize-promotion-store';
import { SequelizeCreditStore } from './stores/sequelize-credit-store';
import { SequelizeQuarantineView } from './stores/sequelize-quarantine-view';
import { QuarantineView } from '../usage/store/quarantine-view';

export function bindPersistence(bind: ContainerModuleLoadOptions['bind']): void {
  bind(Database)
    .toDynamicValue((ctx) => new Database(ctx.get<DatabaseSettings>(DatabaseSettings)))
    .inSingletonScope();
  bind(SequelizePluginStateStore).toSelf().inSingletonScope();
  bind(PluginStateStore).toService(SequelizePluginStateStore);
  bind(SequelizeLeaseStore).toSelf().inSingletonScope();
  bind(LeaseStore).toService(SequelizeLeaseStore);

  bind(SequelizeUsageRollups).toSelf().inSingletonScope();
  bind(SequelizeUsageWriter).toSelf().inSingletonScope();
  bind(SequelizeUsageStore).toSelf().inSingletonScope();
  bind(UsageStore).toService(SequelizeUsageStore);
  bind(SequelizeUsageQuarantine).toSelf().inSingletonScope();
  bind(ReprocessQuarantine).toService(SequelizeUsageQuarantine);
  bind(SequelizeQuarantineView).toSelf().inSingletonScope();
  bind(QuarantineView).toService(SequelizeQuarantineView);
  bind(SequelizeUsageQuery).toSelf().inSingletonScope();
  bind(UsageQuery).toService(SequelizeUsageQuery);

  bind(SequelizeFeedStatusStore).toSelf().inSingletonScope();
  bind(FeedStatusStore).toService(SequelizeFeedStatusStore);
  bind(SequelizeAccountStore).toSelf().inSingletonScope();
  bind(AccountStore).toService(SequelizeAccountStore);
  bind(SequelizeSubscriptionStore).toSelf().inSingletonScope();
  bind(SubscriptionStore).toService(SequelizeSubscriptionStore);
  bind(SequelizeBillingDecisionStore).toSelf().inSingletonScope();
  bind(BillingDecisionStore).toService(SequelizeBillingDecisionStore);
  bind(SequelizeCatalogueStore).toSelf().inSingletonScope();
  bind(CatalogueStore).toService(SequelizeCatalogueStore);
  bind(SequelizeCatalogueQuery).toSelf().inSingletonScope();
  bind(CatalogueQuery).toService(SequelizeCatalogueQuery);

  bind(SequelizeRateCardStore).toSelf().inSingletonScope();
  bind(RateCardStore).toService(SequelizeRateCardStore);
  bind(SequelizeBillingProfileStore).toSelf().inSingletonScope();
  bind(BillingProfileStore).toService(SequelizeBillingProfileStore);
  bind(SequelizeInvoiceStore).toSelf().inSingletonScope();
  bind(InvoiceStore).toService(SequelizeInvoiceStore);
  // The default holdings; a catalogue mirror of WAP's plan history may rebind this id.
  bind(SequelizeBillableHoldings).toSelf().inSingletonScope();
  bind(BillableHoldings).toService(SequelizeBillableHoldings);
  bind(SequelizePromotionStore).toSelf().inSingletonScope();
  bind(PromotionStore).toService(SequelizePromotionStore);
  bind(SequelizeCouponStore).toSelf().inSingletonScope();
  bind(CouponStore).toService(SequelizeCouponStore);
  bind(SequelizeCreditStore).toSelf().inSingletonScope();
  bind(CreditStore).toService(SequelizeCreditStore);
}
