import { ContainerModule } from 'inversify';
import { PublicRouteContribution, RouteContribution } from './http/route-contribution';
import { HealthRoutes } from './routes/health-routes';
import { PluginRoutes } from './routes/plugin-routes';

export const resourceProviderModule = new ContainerModule(({ bind }) => {
  bind(HealthRoutes).toSelf().inSingletonScope();
  bind(PublicRouteContribution).toService(HealthRoutes);
  bind(PluginRoutes).toSelf().inSingletonScope();
  bind(RouteContribution).toService(PluginRoutes);
});
