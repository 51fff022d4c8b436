import type { RouteContribution } from '../http/route-contribution';

/**
 * Every route contribution, public and guarded, read when the document is first asked for. The
 * OpenAPI route is itself a contribution, so injecting the lists into the document directly
 * would be a cycle; this looks them up late, like Theia's ContributionProvider.
 */
export const DocumentedRoutes = Symbol('DocumentedRoutes');
export interface DocumentedRoutes {
  publicRoutes(): readonly RouteContribution[];
  guardedRoutes(): readonly RouteContribution[];
}
