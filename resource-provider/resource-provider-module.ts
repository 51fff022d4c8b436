import { ContainerModule } from 'inversify';
import { BillingAdapterRoutes } from './billing-adapter/billing-adapter-routes';
import { PublicRouteContribution, RouteContribution } from './http/route-contribution';
import { QuotaRoutes } from './notification/quota-routes';
import { SubscriptionNotificationRoutes } from './notification/subscription-notification-routes';
import { UsageSummaryRoutes } from './notification/usage-summary-routes';
import { HealthRoutes } from './routes/health-routes';
import { PluginRoutes } from './routes/plugin-routes';
import { bindAdminApiClient } from './wap/bind-admin-api-client';

export const resourceProviderModule = new ContainerModule(({ bind }) => {
  bind(HealthRoutes).toSelf().inSingletonScope();
  bind(PublicRouteContribution).toService(HealthRoutes);
  bind(PluginRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(PluginRoutes);
  bind(SubscriptionNotificationRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(SubscriptionNotificationRoutes);
  bind(UsageSummaryRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(UsageSummaryRoutes);
  bind(QuotaRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(QuotaRoutes);
  bind(BillingAdapterRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(BillingAdapterRoutes);
  bindAdminApiClient(bind);
});
