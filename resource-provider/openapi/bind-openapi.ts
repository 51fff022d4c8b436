import type { ContainerModuleLoadOptions } from 'inversify';
import { PublicRouteContribution, RouteContribution } from '../http/route-contribution';
import { DocumentedRoutes } from './documented-routes';
import { OpenApiDocument } from './openapi-document';
import { OpenApiRoutes } from './openapi-routes';

export function bindOpenApi(bind: ContainerModuleLoadOptions['bind']): void {
  bind(DocumentedRoutes)
    .toDynamicValue((ctx): DocumentedRoutes => ({
      publicRoutes: () => ctx.getAll<RouteContribution>(PublicRouteContribution),
      guardedRoutes: () => ctx.getAll<RouteContribution>(RouteContribution),
    }))
    .inSingletonScope();
  bind(OpenApiDocument).toSelf().inSingletonScope();
  bind(OpenApiRoutes).toSelf().inSingletonScope();
  bind(PublicRouteContribution).toService(OpenApiRoutes);
}
