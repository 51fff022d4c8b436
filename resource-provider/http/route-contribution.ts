import type { Router } from 'express';
import type { OpenApiPaths } from '../openapi/openapi-types';

/** Where each area of the resource provider mounts its routes (Theia's backend contribution idiom). */
export const RouteContribution = Symbol('RouteContribution');
export interface RouteContribution {
  /** Mounts this area's routes. Called once, before the server listens; must not block. */
  configure(router: Router): void;
  /**
   * The OpenAPI path items of exactly the routes `configure` mounts (built with `openapi/operation-kit.ts`).
   * Served at `GET /openapi.json`; `test/integration/openapi` fails when the two disagree.
   */
  describe(): OpenApiPaths;
}

/** Routes that answer without WAP's Basic credentials (health probes, the OpenAPI document). */
export const PublicRouteContribution = Symbol('PublicRouteContribution');
