import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import { ContainerModule } from 'inversify';
import { ResourceProviderSettings } from './config/settings';
import { CollectFeeds } from './collector/collect-feeds';
import { CollectorScheduler } from './collector/collector-scheduler';
import { COLLECTOR_LEASE_TTL_MS, CollectorSettings } from './collector/collector-settings';
import { InvoiceScheduler } from './invoicing/invoice-scheduler';
import { InvoiceDocuments } from './invoice-documents/invoice-documents';
import { PublicRouteContribution, RouteContribution } from './http/route-contribution';
import { AdminUsageRoutes } from './routes/admin-usage-routes';
import { CatalogueRoutes } from './routes/catalogue-routes';
import { CollectorRoutes } from './routes/collector-routes';
import { HealthRoutes } from './routes/health-routes';
import { PluginRoutes } from './routes/plugin-routes';
import { TenantSubscriptionRoutes } from './routes/tenant-subscription-routes';
import { TenantUsageRoutes } from './routes/tenant-usage-routes';
import { InvoiceRoutes } from './routes/invoice-routes';
import { RateCardRoutes } from './routes/rate-card-routes';
import { TenantInvoiceRoutes } from './routes/tenant-invoice-routes';
import { PromotionRoutes } from './routes/promotion-routes';
import { CreditRoutes } from './routes/credit-routes';
import { CreditBalanceView } from './routes/credit-balance-view';
import { TenantCouponRoutes } from './routes/tenant-coupon-routes';
import { TenantCreditRoutes } from './routes/tenant-credit-routes';
import { UsageFeedReader, UsageServiceClient } from './wap/usage-service-client';
import { BillingAdapterRoutes } from './billing-adapter/billing-adapter-routes';
import { QuotaRoutes } from './notification/quota-routes';
import { SubscriptionNotificationRoutes } from './notification/subscription-notification-routes';
import { UsageSummaryRoutes } from './notification/usage-summary-routes';
import { bindAdminApiClient } from './wap/bind-admin-api-client';
import { bindOpenApi } from './openapi/bind-openapi';

export const resourceProviderModule = new ContainerModule(({ bind }) => {
  bind(HealthRoutes).toSelf().inSingletonScope();
  bind(PublicRouteContribution).toService(HealthRoutes);
  bind(PluginRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(PluginRoutes);

  bind(UsageFeedReader)
    .toDynamicValue((ctx): UsageFeedReader => {
      const settings = ctx.get<ResourceProviderSettings>(ResourceProviderSettings);
      if (!settings.wapUsage) return { page: () => Promise.reject(new Error('WAP_USAGE_URL is not configured: there is no Usage Service to collect from')) };
      return new UsageServiceClient({ ...settings.wapUsage, ...settings.wapTls, timeoutMs: 30_000, retry: { retries: 4, initialDelayMs: settings.collector.retryDelayMs } });
    })
    .inSingletonScope();
  bind(CollectorSettings)
    .toDynamicValue((ctx) => {
      const { collector } = ctx.get<ResourceProviderSettings>(ResourceProviderSettings);
      return { batchSize: collector.batchSize, intervalMs: collector.intervalSeconds * 1000, leaseTtlMs: COLLECTOR_LEASE_TTL_MS, instanceId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` };
    })
    .inSingletonScope();
  bind(CollectFeeds).toSelf().inSingletonScope();
  bind(CollectorScheduler).toSelf().inSingletonScope();
  bind(InvoiceScheduler).toSelf().inSingletonScope();
  bind(InvoiceDocuments).toSelf().inSingletonScope();
  bind(CollectorRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(CollectorRoutes);
  bind(TenantSubscriptionRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(TenantSubscriptionRoutes);
  bind(TenantUsageRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(TenantUsageRoutes);
  bind(AdminUsageRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(AdminUsageRoutes);
  bind(SubscriptionNotificationRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(SubscriptionNotificationRoutes);
  bind(UsageSummaryRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(UsageSummaryRoutes);
  bind(QuotaRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(QuotaRoutes);
  bind(CatalogueRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(CatalogueRoutes);
  bind(BillingAdapterRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(BillingAdapterRoutes);
  bind(RateCardRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(RateCardRoutes);
  bind(InvoiceRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(InvoiceRoutes);
  bind(TenantInvoiceRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(TenantInvoiceRoutes);
  bind(CreditBalanceView).toSelf().inSingletonScope();
  bind(PromotionRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(PromotionRoutes);
  bind(CreditRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(CreditRoutes);
  bind(TenantCouponRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(TenantCouponRoutes);
  bind(TenantCreditRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(TenantCreditRoutes);
  bindAdminApiClient(bind);
  bindOpenApi(bind);
});
